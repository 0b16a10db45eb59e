package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client checks the server's chain with the path validator: anchors, names, and the system default. */
class TrustWiringTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);

    private static TlsConfig server() {
        return TlsConfig.builder().credential(PKI.server().credential()).build();
    }

    private static TlsException handshakeFails(TlsConfig client, String serverName) throws TlsException {
        EnginePair pair = new EnginePair(client, server(), serverName);
        TlsException e = catchThrowableOfType(TlsException.class, pair::handshake);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void aChainToATrustedRootIsAccepted() throws Exception {
        TlsConfig client = TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root())))).build();
        EnginePair pair = new EnginePair(client, server(), "localhost");
        pair.handshake();
        assertThat(pair.client.session().peerCertificates()).hasSize(2);
    }

    @Test
    void theIpAddressInTheCertificateIsAcceptedToo() throws Exception {
        TlsConfig client = TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root())))).build();
        EnginePair pair = new EnginePair(client, server(), "127.0.0.1");
        pair.handshake();
        assertThat(pair.client.session()).isNotNull();
    }

    @Test
    void aNameTheCertificateDoesNotCarryIsABadCertificate() throws Exception {
        TlsConfig client = TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root())))).build();
        TlsException e = handshakeFails(client, "example.com");
        assertThat(e.alert()).isEqualTo(AlertDescription.BAD_CERTIFICATE);
        assertThat(e).hasMessageContaining("example.com");
    }

    @Test
    void byDefaultTheSystemTrustStoreDecidesAndDoesNotKnowATestRoot() throws Exception {
        TlsException e = handshakeFails(TlsConfig.builder().build(), "localhost");
        assertThat(e.alert()).isEqualTo(AlertDescription.UNKNOWN_CA);
        assertThat(e.sentByPeer()).isFalse();
    }

    @Test
    void anotherRootIsAnUnknownCa() throws Exception {
        TestPki other = TestPki.of(KeyType.ECDSA_P256);
        TlsConfig client = TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(other.root())))).build();
        assertThat(handshakeFails(client, "localhost").alert()).isEqualTo(AlertDescription.UNKNOWN_CA);
    }
}
