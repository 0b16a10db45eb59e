package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9525 §6.3 and RFC 6125 §6.4: the leaf's subjectAltName names the server; CN is never used. */
class HostnameTest {

    private final Pki pki = new Pki();

    private ValidationResult validate(CertificateBuilder builder, String host) {
        CertificateBuilder.Issued leaf = builder.issuedBy(pki.intermediate).build();
        return pki.validator().build().validate(leaf.certificate(), List.of(pki.intermediate.certificate()),
            ServerIdentity.of(host), KeyPurpose.SERVER_AUTH);
    }

    @Test
    void matchesDnsNamesCaseInsensitively() {
        assertValid(validate(CertificateBuilder.leaf("Example.COM"), "example.com"));
        assertValid(validate(CertificateBuilder.leaf("example.com"), "EXAMPLE.com."));
        ValidationResult result = validate(CertificateBuilder.leaf("example.com"), "example.org");
        assertFails(result, FailureCode.NAME_MISMATCH, 0);
        assertThat(result.message()).contains("[DNS:example.com]").contains("'example.org'");
    }

    @Test
    void aWildcardStandsForExactlyOneLeftMostLabel() {
        CertificateBuilder wildcard = CertificateBuilder.leaf("*.example.com");
        assertValid(validate(wildcard, "www.example.com"));
        assertFails(validate(CertificateBuilder.leaf("*.example.com"), "a.b.example.com"), FailureCode.NAME_MISMATCH, 0);
        assertFails(validate(CertificateBuilder.leaf("*.example.com"), "example.com"), FailureCode.NAME_MISMATCH, 0);
    }

    @Test
    void theCommonNameIsNotConsulted() {
        ValidationResult result = validate(CertificateBuilder.leaf().subject("CN=example.com").noSubjectAltNames(),
            "example.com");
        assertFails(result, FailureCode.NAME_MISMATCH, 0);
        assertThat(result.message()).contains("CN is not used");
    }

    @Test
    void internationalizedNamesCompareAsALabels() {
        assertValid(validate(CertificateBuilder.leaf("xn--bcher-kva.example"), "b\u00fccher.example"));
        assertValid(validate(CertificateBuilder.leaf("XN--BCHER-KVA.example"), "xn--bcher-kva.example"));
    }

    @Test
    void ipAddressesMatchOnlyIpAddressEntries() {
        assertValid(validate(CertificateBuilder.leaf().ipAddresses("127.0.0.1"), "127.0.0.1"));
        assertFails(validate(CertificateBuilder.leaf("127.0.0.1"), "127.0.0.1"), FailureCode.NAME_MISMATCH, 0);
        assertFails(validate(CertificateBuilder.leaf().ipAddresses("127.0.0.2"), "127.0.0.1"), FailureCode.NAME_MISMATCH, 0);
    }

    @Test
    void ipv6AddressesMatchInAnySpelling() {
        assertValid(validate(CertificateBuilder.leaf().ipAddresses("2001:db8::1"), "[2001:DB8:0:0::1]"));
        assertFails(validate(CertificateBuilder.leaf().ipAddresses("2001:db8::2"), "2001:db8::1"),
            FailureCode.NAME_MISMATCH, 0);
    }

    @Test
    void withoutAnExpectedIdentityTheNameIsNotChecked() {
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate).build();
        assertValid(pki.validator().build().validate(leaf.certificate(), List.of(pki.intermediate.certificate()), null,
            KeyPurpose.SERVER_AUTH));
    }
}
