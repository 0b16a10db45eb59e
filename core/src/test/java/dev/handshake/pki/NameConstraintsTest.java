package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.10 and §6.1.3 (b), (c): permitted and excluded subtrees of DNS, IP and directory names. */
class NameConstraintsTest {

    private final Pki pki = new Pki();

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static GeneralName subnet(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            bytes[i] = (byte) octets[i];
        }
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(bytes));
    }

    private CertificateBuilder.Issued constrainedCa(GeneralName[] permitted, GeneralName[] excluded) {
        return CertificateBuilder.ca("CN=Constrained CA,O=Example").nameConstraints(permitted, excluded)
            .issuedBy(pki.root).build();
    }

    @Test
    void dnsNamesInsideAPermittedSubtreePass() {
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {dns("example.com")}, null);
        assertValid(pki.validate(CertificateBuilder.leaf("example.com", "a.b.example.com").subject("CN=x,O=Example")
            .issuedBy(ca).build(), ca));
    }

    @Test
    void aDnsNameOutsideThePermittedSubtreesFails() {
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {dns("example.com")}, null);
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com", "example.org").issuedBy(ca).build();
        ValidationResult result = pki.validate(leaf, ca);
        assertFails(result, FailureCode.NAME_CONSTRAINTS, 0);
        assertThat(result.message()).contains("DNS:example.org").contains("outside the permitted subtrees");
        CertificateBuilder.Issued suffixTrick = CertificateBuilder.leaf("example.com", "badexample.com").issuedBy(ca).build();
        assertFails(pki.validate(suffixTrick, ca), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void aDnsNameInsideAnExcludedSubtreeFails() {
        CertificateBuilder.Issued ca = constrainedCa(null, new GeneralName[] {dns("internal.example.com")});
        assertValid(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca));
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com", "db.internal.example.com").issuedBy(ca).build();
        ValidationResult result = pki.validate(leaf, ca);
        assertFails(result, FailureCode.NAME_CONSTRAINTS, 0);
        assertThat(result.message()).contains("excluded subtree DNS:internal.example.com");
    }

    @Test
    void aWildcardThatCouldStandForAnExcludedNameFails() {
        CertificateBuilder.Issued ca = constrainedCa(null, new GeneralName[] {dns("secret.example.com")});
        CertificateBuilder.Issued wildcard = CertificateBuilder.leaf("example.com", "*.example.com").issuedBy(ca).build();
        assertFails(pki.validate(wildcard, ca), FailureCode.NAME_CONSTRAINTS, 0);
        CertificateBuilder.Issued other = CertificateBuilder.leaf("example.com", "*.www.example.com").issuedBy(ca).build();
        assertValid(pki.validate(other, ca));
    }

    @Test
    void ipAddressesAreCheckedAgainstSubnets() {
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {subnet(10, 0, 0, 0, 255, 0, 0, 0)}, null);
        CertificateBuilder.Issued inside = CertificateBuilder.leaf().ipAddresses("10.1.2.3").issuedBy(ca).build();
        PathValidator validator = pki.validator().build();
        assertValid(validator.validate(inside.certificate(), List.of(ca.certificate()), ServerIdentity.of("10.1.2.3"),
            KeyPurpose.SERVER_AUTH));
        CertificateBuilder.Issued outside = CertificateBuilder.leaf().ipAddresses("192.168.1.1").issuedBy(ca).build();
        assertFails(validator.validate(outside.certificate(), List.of(ca.certificate()), ServerIdentity.of("192.168.1.1"),
            KeyPurpose.SERVER_AUTH), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void directoryNamesMustStartWithThePermittedRdns() {
        GeneralName permitted = new GeneralName(new X500Name("CN=Constrained CA,O=Example"));
        GeneralName org = new GeneralName(GeneralName.directoryName, new X500Name("O=Example"));
        CertificateBuilder.Issued ca = CertificateBuilder.ca("O=Example,CN=Constrained CA").nameConstraints(
            new GeneralName[] {org}, null).issuedBy(pki.root).build();
        assertThat(permitted).isNotNull();
        CertificateBuilder.Issued inside = CertificateBuilder.leaf("example.com").subject("O=Example,CN=example.com")
            .issuedBy(ca).build();
        assertValid(pki.validate(inside, ca));
        CertificateBuilder.Issued outside = CertificateBuilder.leaf("example.com").subject("O=Other,CN=example.com")
            .issuedBy(ca).build();
        ValidationResult result = pki.validate(outside, ca);
        assertFails(result, FailureCode.NAME_CONSTRAINTS, 0);
        assertThat(result.message()).contains("dirName");
    }

    @Test
    void excludedDirectoryNamesAreRefused() {
        GeneralName evil = new GeneralName(GeneralName.directoryName, new X500Name("O=Evil"));
        CertificateBuilder.Issued ca = constrainedCa(null, new GeneralName[] {evil});
        assertValid(pki.validate(CertificateBuilder.leaf("example.com").subject("O=Good,CN=example.com").issuedBy(ca).build(),
            ca));
        assertFails(pki.validate(CertificateBuilder.leaf("example.com").subject("O=evil,CN=example.com").issuedBy(ca).build(),
            ca), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void mailboxesAreCheckedAgainstDomains() {
        GeneralName domain = new GeneralName(GeneralName.rfc822Name, "example.com");
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {domain}, null);
        CertificateBuilder.Issued good = CertificateBuilder.leaf("example.com").subjectAltNames(dns("example.com"),
            new GeneralName(GeneralName.rfc822Name, "alice@example.com")).issuedBy(ca).build();
        assertValid(pki.validate(good, ca));
        CertificateBuilder.Issued bad = CertificateBuilder.leaf("example.com").subjectAltNames(dns("example.com"),
            new GeneralName(GeneralName.rfc822Name, "mallory@evil.com")).issuedBy(ca).build();
        assertFails(pki.validate(bad, ca), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void uriHostsAreCheckedAgainstHostsAndDomains() {
        GeneralName domain = new GeneralName(GeneralName.uniformResourceIdentifier, ".example.com");
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {domain}, null);
        CertificateBuilder.Issued good = CertificateBuilder.leaf("example.com").subjectAltNames(dns("example.com"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "https://api.example.com:8443/v1")).issuedBy(ca).build();
        assertValid(pki.validate(good, ca));
        CertificateBuilder.Issued bare = CertificateBuilder.leaf("example.com").subjectAltNames(dns("example.com"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/")).issuedBy(ca).build();
        assertFails(pki.validate(bare, ca), FailureCode.NAME_CONSTRAINTS, 0);
        CertificateBuilder.Issued urn = CertificateBuilder.leaf("example.com").subjectAltNames(dns("example.com"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "urn:example:thing")).issuedBy(ca).build();
        assertFails(pki.validate(urn, ca), FailureCode.NAME_CONSTRAINTS, 0);
    }

    @Test
    void theTrustAnchorsNameConstraintsApply() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Constrained Root")
            .nameConstraints(new GeneralName[] {dns("example.com")}, null).build();
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Sub CA").issuedBy(root).build();
        PathValidator validator = Pki.trusting(root);
        assertValid(Pki.validate(validator, CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca));
        ValidationResult result = Pki.validate(validator,
            CertificateBuilder.leaf("example.com", "example.net").issuedBy(ca).build(), ca);
        assertFails(result, FailureCode.NAME_CONSTRAINTS, 0);
        assertThat(result.message()).contains("trust anchor 'CN=Constrained Root'");
    }

    @Test
    void malformedConstraintsMakeTheCaMalformed() {
        GeneralName badMask = new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 0, (byte) 0xFF,
            0, (byte) 0xFF, 0}));
        CertificateBuilder.Issued ca = constrainedCa(new GeneralName[] {badMask}, null);
        assertFails(pki.validate(CertificateBuilder.leaf("example.com").issuedBy(ca).build(), ca),
            FailureCode.MALFORMED_CERTIFICATE, 1);
    }
}
