package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2: a critical extension the validator does not process makes the certificate unusable. */
class CriticalExtensionTest {

    private static final String PRIVATE_OID = "1.2.3.4.5.6";
    private static final byte[] NULL = {0x05, 0x00};
    private final Pki pki = new Pki();

    @Test
    void anUnknownNonCriticalExtensionIsIgnored() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").rawExtension(PRIVATE_OID, false, NULL)
            .issuedBy(pki.intermediate).build();
        assertValid(pki.validate(leaf, pki.intermediate));
    }

    @Test
    void anUnknownCriticalExtensionOnTheLeafIsRejected() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").rawExtension(PRIVATE_OID, true, NULL)
            .issuedBy(pki.intermediate).build();
        ValidationResult result = pki.validate(leaf, pki.intermediate);
        assertFails(result, FailureCode.UNKNOWN_CRITICAL_EXTENSION, 0);
        assertThat(result.message()).contains(PRIVATE_OID);
    }

    @Test
    void anUnknownCriticalExtensionOnAnIntermediateIsRejected() {
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Odd CA").rawExtension(PRIVATE_OID, true, NULL)
            .issuedBy(pki.root).build();
        assertFails(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca),
            FailureCode.UNKNOWN_CRITICAL_EXTENSION, 1);
    }

    @Test
    void criticalProcessedExtensionsAreFine() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com")
            .rawExtension("2.5.29.32", true, new byte[] {0x30, 0x06, 0x30, 0x04, 0x06, 0x02, 0x2a, 0x03})
            .issuedBy(pki.intermediate).build();
        assertValid(pki.validate(leaf, pki.intermediate));
    }
}
