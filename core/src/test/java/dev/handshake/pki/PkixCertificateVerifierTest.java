package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.PkixCertificateVerifier;
import dev.handshake.tls.TlsException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter the TLS engine calls: failures become alerts with the validator's sentence. */
class PkixCertificateVerifierTest {

    private final Pki pki = new Pki();
    private final CertificateVerifier servers = PkixCertificateVerifier.forServers(pki.anchors());

    private static CertificateVerifier.Context context(String peer, CipherSuite.KeyExchange keyExchange) {
        return new CertificateVerifier.Context(peer, CertificateBuilder.NOW, keyExchange, null);
    }

    private List<X509Certificate> chain(CertificateBuilder.Issued leaf) {
        return List.of(leaf.certificate(), pki.intermediate.certificate());
    }

    private TlsException rejection(CertificateVerifier verifier, List<X509Certificate> chain,
                                   CertificateVerifier.Context context) {
        return catchThrowableOfType(TlsException.class, () -> verifier.verify(chain, context));
    }

    @Test
    void acceptsAGoodChainForItsName() {
        assertThatCode(() -> servers.verify(chain(pki.leaf), context("www.example.com", CipherSuite.KeyExchange.TLS13)))
            .doesNotThrowAnyException();
    }

    @Test
    void mapsFailuresToAlerts() {
        TlsException wrongName = rejection(servers, chain(pki.leaf), context("example.org", null));
        assertThat(wrongName.alert()).isEqualTo(AlertDescription.BAD_CERTIFICATE);
        assertThat(wrongName.getMessage()).contains("not for 'example.org'");
        TlsException unknown = rejection(servers, List.of(pki.leaf.certificate()), context("example.com", null));
        assertThat(unknown.alert()).isEqualTo(AlertDescription.UNKNOWN_CA);
        CertificateBuilder.Issued expired = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .validity(CertificateBuilder.NOW.minus(Duration.ofDays(9)), CertificateBuilder.NOW.minus(Duration.ofDays(1)))
            .build();
        assertThat(rejection(servers, chain(expired), context("example.com", null)).alert())
            .isEqualTo(AlertDescription.CERTIFICATE_EXPIRED);
        CertificateBuilder.Issued client = CertificateBuilder.leaf("example.com")
            .extendedKeyUsage(KeyPurpose.CLIENT_AUTH.oid()).issuedBy(pki.intermediate).build();
        assertThat(rejection(servers, chain(client), context("example.com", null)).alert())
            .isEqualTo(AlertDescription.UNSUPPORTED_CERTIFICATE);
        assertThat(rejection(servers, List.of(), context("example.com", null)).alert())
            .isEqualTo(AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void theKeyExchangeDecidesTheLeafKeyUsage() {
        CertificateBuilder.Issued signingOnly = CertificateBuilder.leaf("example.com").keyUsage(KeyUsage.DIGITAL_SIGNATURE)
            .issuedBy(pki.intermediate).build();
        assertThatCode(() -> servers.verify(chain(signingOnly), context("example.com", CipherSuite.KeyExchange.ECDHE)))
            .doesNotThrowAnyException();
        TlsException rsa = rejection(servers, chain(signingOnly), context("example.com", CipherSuite.KeyExchange.RSA));
        assertThat(rsa.alert()).isEqualTo(AlertDescription.UNSUPPORTED_CERTIFICATE);
        assertThat(rsa.getMessage()).contains("keyEncipherment");
    }

    @Test
    void checksClientCertificatesForClientAuth() {
        CertificateVerifier clients = PkixCertificateVerifier.forClients(pki.anchors());
        CertificateBuilder.Issued client = CertificateBuilder.leaf("alice.example")
            .extendedKeyUsage(KeyPurpose.CLIENT_AUTH.oid()).issuedBy(pki.intermediate).build();
        assertThatCode(() -> clients.verify(chain(client), context(null, null))).doesNotThrowAnyException();
        assertThat(rejection(clients, chain(pki.leaf), context(null, null)).alert())
            .isEqualTo(AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    @Test
    void anUnusablePeerNameIsAnInternalError() {
        assertThat(rejection(servers, chain(pki.leaf), context("not a host!", null)).alert())
            .isEqualTo(AlertDescription.INTERNAL_ERROR);
    }
}
