package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 5280 §6.1.3 (a)(1): each certificate's signature verifies with its issuer's key. */
class SignatureTest {

    private final Pki pki = new Pki();

    @ParameterizedTest
    @ValueSource(strings = {"SHA256withRSA", "SHA384withRSA", "SHA512withRSA", "RSASSA-PSS"})
    void acceptsRsaSignatures(String algorithm) {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .signatureAlgorithm(algorithm).build();
        assertValid(pki.validate(leaf, pki.intermediate));
    }

    @Test
    void acceptsEcdsaAndEd25519Signatures() {
        CertificateBuilder.Issued ecCa = CertificateBuilder.ca("CN=EC CA").keys(TestKeys.ec("secp384r1"))
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued ecLeaf = CertificateBuilder.leaf("example.com").issuedBy(ecCa)
            .signatureAlgorithm("SHA384withECDSA").keys(TestKeys.ec("secp256r1")).build();
        assertValid(pki.validate(ecLeaf, ecCa));
        CertificateBuilder.Issued edCa = CertificateBuilder.ca("CN=Ed CA").keys(TestKeys.ed25519()).issuedBy(pki.root).build();
        CertificateBuilder.Issued edLeaf = CertificateBuilder.leaf("example.com").issuedBy(edCa)
            .signatureAlgorithm("Ed25519").keys(TestKeys.ed25519()).build();
        assertValid(pki.validate(edLeaf, edCa));
    }

    @Test
    void rejectsACorruptedSignature() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .corruptSignature().build();
        ValidationResult result = pki.validate(leaf, pki.intermediate);
        assertFails(result, FailureCode.BAD_SIGNATURE, 0);
        assertThat(result.message()).contains("does not verify");
    }

    @Test
    void rejectsACertificateSignedByAnImpostorWithTheIssuersName() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com")
            .issuedBy("CN=Test Intermediate,O=Handshake", TestKeys.rsa()).keyIdentifiers(false).build();
        assertFails(pki.validate(leaf, pki.intermediate), FailureCode.BAD_SIGNATURE, 0);
    }

    @Test
    void rejectsSha1SignaturesByDefaultAndAcceptsThemWhenAllowed() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .signatureAlgorithm("SHA1withRSA").build();
        ValidationResult result = pki.validate(leaf, pki.intermediate);
        assertFails(result, FailureCode.DISALLOWED_ALGORITHM, 0);
        assertThat(result.message()).contains("sha1WithRSAEncryption");
        Set<SignatureAlgorithm> withSha1 = EnumSet.copyOf(SignatureAlgorithm.secureDefaults());
        withSha1.add(SignatureAlgorithm.SHA1_WITH_RSA);
        assertValid(Pki.validate(pki.validator().allowedSignatureAlgorithms(withSha1).build(), leaf, pki.intermediate));
    }

    @Test
    void rejectsMd5Signatures() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .signatureAlgorithm("MD5withRSA").build();
        assertFails(pki.validate(leaf, pki.intermediate), FailureCode.DISALLOWED_ALGORITHM, 0);
    }

    @Test
    void rejectsAnAlgorithmLeftOutOfTheOptions() {
        PathValidator onlyEcdsa = pki.validator().allowedSignatureAlgorithms(Set.of(SignatureAlgorithm.ECDSA_WITH_SHA256))
            .build();
        assertFails(Pki.validate(onlyEcdsa, pki.leaf, pki.intermediate), FailureCode.DISALLOWED_ALGORITHM, 0);
    }
}
