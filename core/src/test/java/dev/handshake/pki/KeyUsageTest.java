package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.3: keyCertSign on issuers, and the leaf's usage as the key exchange needs. */
class KeyUsageTest {

    private final Pki pki = new Pki();

    @Test
    void rejectsAnIssuerWithoutKeyCertSign() {
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=CRL Only CA").keyUsage(KeyUsage.CRL_SIGN)
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(ca).build();
        ValidationResult result = pki.validate(leaf, ca);
        assertFails(result, FailureCode.KEY_USAGE, 1);
        assertThat(result.message()).contains("without keyCertSign");
    }

    @Test
    void acceptsAnIssuerWithoutKeyUsage() {
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=No KU CA").noKeyUsage().issuedBy(pki.root).build();
        assertValid(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca));
    }

    @Test
    void rsaKeyExchangeNeedsKeyEnciphermentOnTheLeaf() {
        CertificateBuilder.Issued signingOnly = CertificateBuilder.leaf("example.com").keyUsage(KeyUsage.DIGITAL_SIGNATURE)
            .issuedBy(pki.intermediate).build();
        PathValidator rsa = pki.validator().leafKeyUsage(EnumSet.of(KeyUsage.KEY_ENCIPHERMENT)).build();
        ValidationResult result = Pki.validate(rsa, signingOnly, pki.intermediate);
        assertFails(result, FailureCode.KEY_USAGE, 0);
        assertThat(result.message()).contains("keyEncipherment");
        PathValidator ecdhe = pki.validator().leafKeyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE)).build();
        assertValid(Pki.validate(ecdhe, signingOnly, pki.intermediate));
    }

    @Test
    void ecdheNeedsDigitalSignatureOnTheLeaf() {
        CertificateBuilder.Issued encipherOnly = CertificateBuilder.leaf("example.com").keyUsage(KeyUsage.KEY_ENCIPHERMENT)
            .issuedBy(pki.intermediate).build();
        PathValidator ecdhe = pki.validator().leafKeyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE)).build();
        assertFails(Pki.validate(ecdhe, encipherOnly, pki.intermediate), FailureCode.KEY_USAGE, 0);
    }

    @Test
    void aLeafWithoutKeyUsageMayBeUsedForAnything() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").noKeyUsage().issuedBy(pki.intermediate)
            .build();
        PathValidator rsa = pki.validator().leafKeyUsage(EnumSet.of(KeyUsage.KEY_ENCIPHERMENT)).build();
        assertValid(Pki.validate(rsa, leaf, pki.intermediate));
    }
}
