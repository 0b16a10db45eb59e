package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RSA keys under 2048 bits and EC keys under 256 bits are refused by default, anywhere in the path. */
class KeyStrengthTest {

    private final Pki pki = new Pki();

    @Test
    void rejectsA1024BitRsaLeafAndAcceptsItWhenTheMinimumIsLowered() {
        CertificateBuilder.Issued weak = CertificateBuilder.leaf("example.com").keys(TestKeys.rsa(1024))
            .issuedBy(pki.intermediate).build();
        ValidationResult result = pki.validate(weak, pki.intermediate);
        assertFails(result, FailureCode.WEAK_KEY, 0);
        assertThat(result.message()).contains("1024-bit RSA key");
        assertValid(Pki.validate(pki.validator().minimumRsaKeyBits(1024).build(), weak, pki.intermediate));
    }

    @Test
    void rejectsAWeakIssuerKey() {
        CertificateBuilder.Issued weakCa = CertificateBuilder.ca("CN=Weak CA").keys(TestKeys.rsa(1024)).issuedBy(pki.root)
            .build();
        assertFails(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(weakCa).build(), weakCa),
            FailureCode.WEAK_KEY, 1);
    }

    @Test
    void ecKeysOnP256AndAboveAreAccepted() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").keys(TestKeys.ec("secp256r1"))
            .issuedBy(pki.intermediate).build();
        assertValid(pki.validate(leaf, pki.intermediate));
        assertFails(Pki.validate(pki.validator().minimumEcKeyBits(384).build(), leaf, pki.intermediate),
            FailureCode.WEAK_KEY, 0);
    }
}
