package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5280 §6.1.3 (a)(2): every certificate, the trust anchor too, is valid at the validation time. */
class ValidityTest {

    private static final Instant NOW = CertificateBuilder.NOW;
    private final Pki pki = new Pki();

    @Test
    void acceptsAtTheEdgesOfTheWindow() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .validity(NOW, NOW.plusSeconds(60)).build();
        assertValid(pki.validate(leaf, pki.intermediate));
        assertValid(Pki.validate(pki.validator().validationTime(NOW.plusSeconds(60)).build(), leaf, pki.intermediate));
    }

    @Test
    void rejectsAnExpiredLeaf() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .validity(NOW.minus(Duration.ofDays(90)), Instant.parse("2025-03-01T00:00:00Z")).build();
        ValidationResult result = pki.validate(leaf, pki.intermediate);
        assertFails(result, FailureCode.EXPIRED, 0);
        assertThat(result.message()).contains("leaf 'CN=example.com' expired on 2025-03-01");
    }

    @Test
    void namesAnExpiredIntermediateAndSaysWhatToDo() {
        CertificateBuilder.Issued old = CertificateBuilder.ca("CN=Example CA").issuedBy(pki.root)
            .validity(NOW.minus(Duration.ofDays(900)), Instant.parse("2025-03-01T00:00:00Z")).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(old).build();
        ValidationResult result = pki.validate(leaf, old);
        assertFails(result, FailureCode.EXPIRED, 1);
        assertThat(result.message())
            .isEqualTo("intermediate 'CN=Example CA' expired on 2025-03-01 \u2014 the server sends an old intermediate"
                + " and must send the current one");
        assertThat(result.certificateAtFault()).isEqualTo(old.certificate());
    }

    @Test
    void rejectsACertificateNotYetValid() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))).build();
        ValidationResult result = pki.validate(leaf, pki.intermediate);
        assertFails(result, FailureCode.NOT_YET_VALID, 0);
        assertThat(result.message()).contains("clock");
    }

    @Test
    void rejectsAnExpiredTrustAnchor() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Old Root")
            .validity(NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(1))).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(root).build();
        ValidationResult result = Pki.trusting(root)
            .validate(leaf.certificate(), List.of(), ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertFails(result, FailureCode.EXPIRED, 1);
        assertThat(result.message()).startsWith("trust anchor 'CN=Old Root' expired").contains("trust store");
    }
}
