package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** RFC 4158: paths are found whatever the order, with extras, cross-signing and several candidate issuers. */
class PathBuildingTest {

    private static final Instant NOW = CertificateBuilder.NOW;
    private final Pki pki = new Pki();

    /** root, then count CAs each issued by the one before; the last is returned first. */
    private List<CertificateBuilder.Issued> chainOf(int count) {
        List<CertificateBuilder.Issued> cas = new ArrayList<>();
        CertificateBuilder.Issued issuer = pki.root;
        for (int i = 0; i < count; i++) {
            issuer = CertificateBuilder.ca("CN=Level " + i).issuedBy(issuer).build();
            cas.add(0, issuer);
        }
        return cas;
    }

    private static ValidationResult validate(PathValidator validator, CertificateBuilder.Issued leaf,
                                             List<CertificateBuilder.Issued> intermediates) {
        return Pki.validate(validator, leaf, intermediates.toArray(CertificateBuilder.Issued[]::new));
    }

    @Test
    void findsThePathWhateverTheOrderOfIntermediates() {
        List<CertificateBuilder.Issued> cas = chainOf(4);
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(cas.get(0)).build();
        List<CertificateBuilder.Issued> shuffled = new ArrayList<>(cas);
        Collections.shuffle(shuffled, new Random(7));
        Collections.reverse(cas);
        for (List<CertificateBuilder.Issued> order : List.of(shuffled, cas)) {
            ValidationResult result = validate(pki.validator().build(), leaf, order);
            assertValid(result);
            assertThat(result.path()).hasSize(6);
        }
    }

    @Test
    void ignoresSuperfluousAndUnrelatedCertificates() {
        CertificateBuilder.Issued unrelatedRoot = CertificateBuilder.ca("CN=Unrelated Root").build();
        CertificateBuilder.Issued unrelated = CertificateBuilder.ca("CN=Unrelated CA").issuedBy(unrelatedRoot).build();
        CertificateBuilder.Issued otherLeaf = CertificateBuilder.leaf("other.example").issuedBy(pki.intermediate).build();
        ValidationResult result = Pki.validate(pki.validator().build(), pki.leaf, unrelated, otherLeaf, unrelatedRoot,
            pki.intermediate, pki.root);
        assertValid(result);
        assertThat(result.path()).containsExactly(pki.leaf.certificate(), pki.intermediate.certificate(),
            pki.root.certificate());
    }

    @Test
    void followsACrossSignatureToTheTrustedRoot() {
        CertificateBuilder.Issued newRoot = CertificateBuilder.ca("CN=New Root").build();
        KeyPair newRootKeys = newRoot.keys();
        CertificateBuilder.Issued crossSigned = CertificateBuilder.ca("CN=New Root").keys(newRootKeys).issuedBy(pki.root)
            .build();
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Issuing CA").issuedBy(newRoot).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(ca).build();
        ValidationResult viaOldRoot = Pki.validate(pki.validator().build(), leaf, ca, crossSigned);
        assertValid(viaOldRoot);
        assertThat(viaOldRoot.path()).hasSize(4).endsWith(pki.root.certificate());
        PathValidator both = Pki.trusting(pki.root, newRoot);
        ValidationResult shortest = Pki.validate(both, leaf, crossSigned, ca);
        assertValid(shortest);
        assertThat(shortest.path()).containsExactly(leaf.certificate(), ca.certificate(), newRoot.certificate());
    }

    @Test
    void backtracksFromAnExpiredCrossSignatureToAValidOne() {
        CertificateBuilder.Issued otherRoot = CertificateBuilder.ca("CN=Other Root").build();
        KeyPair caKeys = TestKeys.rsa();
        CertificateBuilder.Issued expired = CertificateBuilder.ca("CN=Shared CA").keys(caKeys).issuedBy(pki.root)
            .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();
        CertificateBuilder.Issued current = CertificateBuilder.ca("CN=Shared CA").keys(caKeys).issuedBy(otherRoot).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(current).build();
        PathValidator validator = Pki.trusting(pki.root, otherRoot);
        ValidationResult result = Pki.validate(validator, leaf, expired, current);
        assertValid(result);
        assertThat(result.path()).containsExactly(leaf.certificate(), current.certificate(), otherRoot.certificate());
        ValidationResult onlyExpired = Pki.validate(validator, leaf, expired);
        assertFails(onlyExpired, FailureCode.EXPIRED, 1);
    }

    @Test
    void backtracksPastACandidateThatFailsALaterCheck() {
        KeyPair caKeys = TestKeys.rsa();
        CertificateBuilder.Issued constrained = CertificateBuilder.ca("CN=Shared CA").keys(caKeys)
            .nameConstraints(new GeneralName[] {new GeneralName(GeneralName.dNSName, "example.org")}, null)
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued open = CertificateBuilder.ca("CN=Shared CA").keys(caKeys).issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(open).build();
        assertValid(Pki.validate(pki.validator().build(), leaf, constrained, open));
        assertFails(Pki.validate(pki.validator().build(), leaf, constrained), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void choosesAmongSeveralIssuersByKeyIdentifier() {
        List<CertificateBuilder.Issued> sameName = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sameName.add(CertificateBuilder.ca("CN=Twin CA").keys(TestKeys.rsa(2048)).issuedBy(pki.root).build());
        }
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(sameName.get(3)).build();
        List<ValidationStep> steps = new ArrayList<>();
        ValidationResult result = validate(pki.validator().listener(steps::add).build(), leaf, sameName);
        assertValid(result);
        assertThat(result.path().get(1)).isEqualTo(sameName.get(3).certificate());
        assertThat(steps).filteredOn(step -> step instanceof ValidationStep.SignatureChecked).hasSize(2);
    }

    @Test
    void acceptsADeepChainAndRefusesOneDeeperThanTheMaximum() {
        List<CertificateBuilder.Issued> cas = chainOf(8);
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(cas.get(0)).build();
        assertValid(validate(pki.validator().build(), leaf, cas));
        ValidationResult result = validate(pki.validator().maxDepth(9).build(), leaf, cas);
        assertFails(result, FailureCode.PATH_TOO_LONG, 8);
        assertThat(result.message()).contains("9 certificates");
    }

    @Test
    void theLeafItselfAmongTheIntermediatesDoesNotConfuse() {
        X509Certificate leaf = pki.leaf.certificate();
        ValidationResult result = pki.validator().build().validate(leaf, List.of(leaf, pki.intermediate.certificate(), leaf),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertValid(result);
    }

    @Test
    void findsAnIssuerWhoseNameIsWrittenWithOtherCaseAndSpaces() {
        // RFC 5280 §7.1: names match after case folding and space folding, whatever their encoding.
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Issuing CA,O=Example").issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com")
            .issuedBy("CN=  ISSUING   ca ,O=example", ca.keys()).build();
        assertValid(validate(pki.validator().build(), leaf, List.of(ca)));
        CertificateBuilder.Issued stranger = CertificateBuilder.leaf("example.com")
            .issuedBy("CN=Issuing CA 2,O=Example", ca.keys()).build();
        assertThat(validate(pki.validator().build(), stranger, List.of(ca)).valid()).isFalse();
    }
}
