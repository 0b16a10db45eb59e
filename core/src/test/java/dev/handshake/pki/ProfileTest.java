package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The certificate profile of RFC 5280 §4 where it matters to a relying party. */
class ProfileTest {

    private final Pki pki = new Pki();

    private ValidationResult validateDer(CertificateBuilder.Issued leaf) {
        return pki.validator().build().validate(leaf.der(), List.of(pki.intermediate.der()),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
    }

    private CertificateBuilder leaf() {
        return CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate);
    }

    @Test
    void serialNumbersArePositiveAndAtMost20Octets() {
        assertValid(validateDer(leaf().serial(BigInteger.ONE.shiftLeft(150)).build()));
        ValidationResult negative = validateDer(leaf().serial(BigInteger.valueOf(-5)).build());
        assertFails(negative, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(negative.message()).contains("serial number");
        assertFails(validateDer(leaf().serial(BigInteger.ZERO).build()), FailureCode.MALFORMED_CERTIFICATE, 0);
        ValidationResult tooLong = validateDer(leaf().serial(BigInteger.ONE.shiftLeft(170)).build());
        assertFails(tooLong, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(tooLong.message()).contains("22 octets");
    }

    @Test
    void extensionsRequireVersion3() {
        ValidationResult result = validateDer(leaf().version(1).build());
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, -1);
        assertThat(result.message()).contains("version 1");
        assertValid(validateDer(leaf().version(3).build()));
    }

    @Test
    void duplicateExtensionsAreRejected() {
        CertificateBuilder.Issued twice = leaf().duplicateExtension("2.5.29.37", false,
            new byte[] {0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02}).build();
        ValidationResult result = validateDer(twice);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, -1);
        assertThat(result.message()).containsIgnoringCase("duplicate extension");
    }

    @Test
    void anEmptySubjectAltNameIsAnError() {
        ValidationResult result = pki.validate(leaf().rawSubjectAltName(new byte[0]).build(), pki.intermediate);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("subjectAltName is present but empty");
    }

    @Test
    void aMalformedDnsNameIsAnError() {
        byte[] spaced = "exa mple.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] entry = new byte[spaced.length + 2];
        entry[0] = (byte) 0x82;
        entry[1] = (byte) spaced.length;
        System.arraycopy(spaced, 0, entry, 2, spaced.length);
        ValidationResult result = pki.validate(leaf().rawSubjectAltName(entry).build(), pki.intermediate);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("'exa mple.com' is not a valid DNS name");
        assertFails(pki.validate(leaf().dnsNames("example.com", "f*.example.com").build(), pki.intermediate),
            FailureCode.MALFORMED_CERTIFICATE, 0);
        assertFails(pki.validate(leaf().dnsNames("example.com", "-bad.example.com").build(), pki.intermediate),
            FailureCode.MALFORMED_CERTIFICATE, 0);
    }

    @Test
    void anIpAddressOfTheWrongLengthIsAnError() {
        ValidationResult result = pki.validate(leaf().rawSubjectAltName(new byte[] {(byte) 0x87, 5, 10, 0, 0, 1, 1}).build(),
            pki.intermediate);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("iPAddress is 5 octets");
    }

    @Test
    void theInnerAndOuterSignatureAlgorithmsMustAgree() throws Exception {
        byte[] der = leaf().outerAlgorithmDiffers().build().der();
        assertFails(validateDer(leaf().outerAlgorithmDiffers().build()), FailureCode.MALFORMED_CERTIFICATE, -1);
        // Bouncy Castle's parser lets the mismatch through, so the validator's own check must catch it.
        X509Certificate lenient = (X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
            .generateCertificate(new ByteArrayInputStream(der));
        ValidationResult result = pki.validator().build().validate(lenient, List.of(pki.intermediate.certificate()),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("RFC 5280 §4.1.1.2");
    }

    @Test
    void keyCertSignRequiresCa() {
        ValidationResult result = pki.validate(leaf().keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_CERT_SIGN).build(),
            pki.intermediate);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("keyCertSign");
    }

    @Test
    void keyIdentifiersMustNotBeCriticalAndMustNotBeEmpty() {
        assertFails(pki.validate(leaf().keyIdentifiers(false).rawExtension("2.5.29.14", true, new byte[] {4, 1, 7}).build(),
            pki.intermediate), FailureCode.MALFORMED_CERTIFICATE, 0);
        assertFails(pki.validate(leaf().keyIdentifiers(false).rawExtension("2.5.29.14", false, new byte[] {4, 0}).build(),
            pki.intermediate), FailureCode.MALFORMED_CERTIFICATE, 0);
        assertValid(pki.validate(leaf().keyIdentifiers(false).build(), pki.intermediate));
    }

    @Test
    void aMalformedIntermediateIsReportedAtItsIndex() {
        CertificateBuilder.Issued broken = CertificateBuilder.ca("CN=Broken CA").rawSubjectAltName(new byte[0])
            .issuedBy(pki.root).build();
        ValidationResult result = pki.validate(CertificateBuilder.leaf("example.com").issuedBy(broken).build(), broken);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 1);
    }
}
