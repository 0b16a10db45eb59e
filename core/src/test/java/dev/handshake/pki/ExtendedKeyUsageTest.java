package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.12: serverAuth or clientAuth on the leaf, and on CAs that list purposes. */
class ExtendedKeyUsageTest {

    private final Pki pki = new Pki();

    @Test
    void aClientCertificateIsNotAServerCertificate() {
        CertificateBuilder.Issued client = CertificateBuilder.leaf("example.com")
            .extendedKeyUsage(KeyPurpose.CLIENT_AUTH.oid()).issuedBy(pki.intermediate).build();
        ValidationResult result = pki.validate(client, pki.intermediate);
        assertFails(result, FailureCode.EXTENDED_KEY_USAGE, 0);
        assertThat(result.message()).contains("[clientAuth]").contains("[serverAuth]");
        ValidationResult asClient = pki.validator().build().validate(client.certificate(),
            List.of(pki.intermediate.certificate()), null, KeyPurpose.CLIENT_AUTH);
        assertValid(asClient);
    }

    @Test
    void aLeafWithoutExtendedKeyUsageIsRejected() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").noExtendedKeyUsage()
            .issuedBy(pki.intermediate).build();
        assertFails(pki.validate(leaf, pki.intermediate), FailureCode.EXTENDED_KEY_USAGE, 0);
    }

    @Test
    void aCaListingOtherPurposesRestrictsTheLeaf() {
        CertificateBuilder.Issued emailCa = CertificateBuilder.ca("CN=Email CA").extendedKeyUsage("1.3.6.1.5.5.7.3.4")
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(emailCa).build();
        assertFails(pki.validate(leaf, emailCa), FailureCode.EXTENDED_KEY_USAGE, 1);
        CertificateBuilder.Issued tlsCa = CertificateBuilder.ca("CN=TLS CA")
            .extendedKeyUsage(KeyPurpose.SERVER_AUTH.oid(), KeyPurpose.CLIENT_AUTH.oid()).issuedBy(pki.root).build();
        assertValid(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(tlsCa).build(), tlsCa));
    }

    @Test
    void anyExtendedKeyUsageOnACaAllowsEveryPurpose() {
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Any CA").extendedKeyUsage(KeyPurpose.ANY_EXTENDED_KEY_USAGE)
            .issuedBy(pki.root).build();
        assertValid(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca));
    }

    @Test
    void theOptionsCanRequireOtherPurposes() {
        String codeSigning = "1.3.6.1.5.5.7.3.3";
        PathValidator validator = pki.validator().requiredExtendedKeyUsage(Set.of(codeSigning)).build();
        assertFails(Pki.validate(validator, pki.leaf, pki.intermediate), FailureCode.EXTENDED_KEY_USAGE, 0);
        CertificateBuilder.Issued signer = CertificateBuilder.leaf("example.com").extendedKeyUsage(codeSigning)
            .issuedBy(pki.intermediate).build();
        assertValid(Pki.validate(validator, signer, pki.intermediate));
    }

    @Test
    void theTrustAnchorsExtendedKeyUsageApplies() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Client Root").extendedKeyUsage(KeyPurpose.CLIENT_AUTH.oid())
            .build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(root).build();
        PathValidator validator = Pki.trusting(root);
        ValidationResult result = Pki.validate(validator, leaf);
        assertFails(result, FailureCode.EXTENDED_KEY_USAGE, 1);
        assertThat(result.message()).startsWith("trust anchor");
    }
}
