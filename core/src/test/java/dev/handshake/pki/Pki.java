package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** A small web PKI for tests: a root, an intermediate and a leaf for example.com, and assertions. */
final class Pki {

    final CertificateBuilder.Issued root;
    final CertificateBuilder.Issued intermediate;
    final CertificateBuilder.Issued leaf;

    Pki() {
        root = CertificateBuilder.ca("CN=Test Root,O=Handshake").build();
        intermediate = CertificateBuilder.ca("CN=Test Intermediate,O=Handshake").issuedBy(root).build();
        leaf = CertificateBuilder.leaf("example.com", "www.example.com").issuedBy(intermediate).build();
    }

    TrustAnchors anchors() {
        return TrustAnchors.of(List.of(root.certificate()));
    }

    PathValidator.Builder validator() {
        return PathValidator.builder(anchors()).validationTime(CertificateBuilder.NOW);
    }

    /** A validator at {@link CertificateBuilder#NOW} that trusts exactly these certificates. */
    static PathValidator trusting(CertificateBuilder.Issued... anchors) {
        List<X509Certificate> certificates = Arrays.stream(anchors).map(CertificateBuilder.Issued::certificate).toList();
        return PathValidator.builder(TrustAnchors.of(certificates)).validationTime(CertificateBuilder.NOW).build();
    }

    ValidationResult validate(CertificateBuilder.Issued leafCertificate, CertificateBuilder.Issued... intermediates) {
        return validate(validator().build(), leafCertificate, intermediates);
    }

    static ValidationResult validate(PathValidator validator, CertificateBuilder.Issued leafCertificate,
                                     CertificateBuilder.Issued... intermediates) {
        List<X509Certificate> others = Arrays.stream(intermediates).map(CertificateBuilder.Issued::certificate).toList();
        return validator.validate(leafCertificate.certificate(), others, ServerIdentity.of("example.com"),
            KeyPurpose.SERVER_AUTH);
    }

    static void assertValid(ValidationResult result) {
        assertThat(result.valid()).as(result.toString()).isTrue();
        assertThat(result.failure()).isNull();
    }

    static void assertFails(ValidationResult result, FailureCode code, int index) {
        assertThat(result.valid()).as(result.toString()).isFalse();
        assertThat(result.failure()).as(result.toString()).isEqualTo(code);
        assertThat(result.certificateIndex()).as(result.toString()).isEqualTo(index);
        assertThat(result.message()).isNotBlank();
    }
}
