package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;

import java.util.List;
import org.junit.jupiter.api.Test;

/** For CLIENT_AUTH the options can require names (DNS, IP, email) that the client's leaf carries. */
class ClientNamesTest {

    private final Pki pki = new Pki();

    private ValidationResult validate(List<GeneralName> required, CertificateBuilder builder) {
        CertificateBuilder.Issued leaf = builder.extendedKeyUsage(KeyPurpose.CLIENT_AUTH.oid()).issuedBy(pki.intermediate)
            .build();
        return pki.validator().requiredClientNames(required).build().validate(leaf.certificate(),
            List.of(pki.intermediate.certificate()), null, KeyPurpose.CLIENT_AUTH);
    }

    @Test
    void acceptsAClientThatCarriesTheNames() {
        org.bouncycastle.asn1.x509.GeneralName email = new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.rfc822Name, "alice@example.com");
        org.bouncycastle.asn1.x509.GeneralName dns = new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.dNSName, "client.example.com");
        org.bouncycastle.asn1.x509.GeneralName ip = new org.bouncycastle.asn1.x509.GeneralName(
            org.bouncycastle.asn1.x509.GeneralName.iPAddress, "10.0.0.7");
        assertValid(validate(List.of(GeneralName.rfc822Name("alice@example.com"), GeneralName.dnsName("CLIENT.example.com"),
            GeneralName.ipAddress("10.0.0.7")), CertificateBuilder.leaf().subjectAltNames(email, dns, ip)));
    }

    @Test
    void rejectsAClientWithoutARequiredName() {
        assertFails(validate(List.of(GeneralName.dnsName("client.example.com")), CertificateBuilder.leaf("other.example.com")),
            FailureCode.MISSING_CLIENT_NAME, 0);
        assertFails(validate(List.of(GeneralName.ipAddress("10.0.0.7")), CertificateBuilder.leaf().ipAddresses("10.0.0.8")),
            FailureCode.MISSING_CLIENT_NAME, 0);
    }
}
