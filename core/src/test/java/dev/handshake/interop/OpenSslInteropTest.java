package dev.handshake.interop;

import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsConfig;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.OpenSslClient;
import dev.handshake.testkit.OpenSslServer;
import dev.handshake.testkit.TestPki;
import dev.handshake.pki.TrustAnchors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS 1.2 against OpenSSL in both directions: each key exchange (RSA, DHE, ECDHE with each curve),
 * each signature type and each AEAD. Every case checks the negotiated suite, a round trip of
 * application data, and a clean close: when our client closes, the server's close_notify answers
 * ours; when our server closes (on the line "CLOSE", as s_server does), s_client receives it.
 */
class OpenSslInteropTest {

    @TempDir
    Path work;

    /**
     * The curve to negotiate, and for an ECDSA certificate also its curve: in TLS 1.2,
     * supported_groups also names the curves the client accepts certificates on (RFC 8422 §5.1.1).
     */
    private static List<NamedGroup> groups(String group, String keyType) {
        NamedGroup named = NamedGroup.forName(group);
        return keyType.equals("ecdsa") && !named.equals(NamedGroup.SECP256R1)
            ? List.of(named, NamedGroup.SECP256R1) : List.of(named);
    }

    private static TestPki pki(String keyType) {
        return TestPki.of(keyType.equals("ecdsa") ? KeyType.ECDSA_P256 : KeyType.RSA_2048);
    }

    @ParameterizedTest(name = "our client -> s_server: {0} {2}")
    @CsvSource({
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, x25519, rsa",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, secp384r1, rsa",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-RSA-CHACHA20-POLY1305, secp256r1, rsa",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, secp256r1, ecdsa",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ECDHE-ECDSA-AES256-GCM-SHA384, x25519, ecdsa",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-ECDSA-CHACHA20-POLY1305, secp384r1, ecdsa",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, DHE-RSA-AES128-GCM-SHA256, ffdhe2048, rsa",
        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, DHE-RSA-AES256-GCM-SHA384, ffdhe3072, rsa",
        "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, DHE-RSA-CHACHA20-POLY1305, ffdhe2048, rsa",
        "TLS_RSA_WITH_AES_128_GCM_SHA256, AES128-GCM-SHA256, x25519, rsa",
        "TLS_RSA_WITH_AES_256_GCM_SHA384, AES256-GCM-SHA384, x25519, rsa",
    })
    void ourClientToOpenSslServer(String suite, String opensslCipher, String group, String keyType) throws Exception {
        TestPki pki = pki(keyType);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), work).tls12().cipher(opensslCipher).start()) {
            TlsConfig config = TlsConfig.builder()
                .cipherSuites(List.of(CipherSuite.forName(suite)))
                .namedGroups(groups(group, keyType))
                .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(pki.root()))))
                .build();
            OurClient.Exchange exchange = OurClient.reverse(server.port(), config, "hello, openssl");

            assertThat(exchange.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(exchange.reply()).isEqualTo("lssnepo ,olleh");
            assertThat(exchange.serverAnsweredCloseNotify()).as(server.diagnostics()).isTrue();
            server.awaitConnectionsClosed(1);
            assertThat(server.alerts().received("close_notify")).as(server.diagnostics()).isEqualTo(1);
            assertThat(server.errors()).as(server.diagnostics()).isEmpty();
            if (!suite.startsWith("TLS_RSA") && !suite.startsWith("TLS_DHE")) {
                assertThat(exchange.session().namedGroup()).isEqualTo(NamedGroup.forName(group));
            }
        }
    }

    @ParameterizedTest(name = "s_client -> our server: {0} {2}")
    @CsvSource({
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, X25519, rsa",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, P-384, rsa",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-RSA-CHACHA20-POLY1305, P-256, rsa",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, P-256, ecdsa",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ECDHE-ECDSA-AES256-GCM-SHA384, X25519:P-256, ecdsa",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-ECDSA-CHACHA20-POLY1305, P-384:P-256, ecdsa",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, DHE-RSA-AES128-GCM-SHA256, ffdhe2048, rsa",
        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, DHE-RSA-AES256-GCM-SHA384, ffdhe3072, rsa",
        "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, DHE-RSA-CHACHA20-POLY1305, ffdhe2048, rsa",
        "TLS_RSA_WITH_AES_128_GCM_SHA256, AES128-GCM-SHA256, X25519, rsa",
        "TLS_RSA_WITH_AES_256_GCM_SHA384, AES256-GCM-SHA384, X25519, rsa",
    })
    void openSslClientToOurServer(String suite, String opensslCipher, String groups, String keyType) throws Exception {
        TestPki pki = pki(keyType);
        TlsConfig config = TlsConfig.builder()
            .cipherSuites(List.of(CipherSuite.forName(suite)))
            .credential(pki.server().credential())
            .build();
        try (OurReverseServer server = new OurReverseServer(config)) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work)
                .tls12().cipher(opensslCipher).groups(groups)
                .trust(pki.server().writePem(work).root())
                .request("hello, handshake\nCLOSE\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.cipherSuite()).as(result.diagnostics()).isEqualTo(opensslCipher);
            assertThat(result.received()).isEqualTo("ekahsdnah ,olleh\n");
            assertThat(result.verification()).as(result.diagnostics()).isEqualTo("OK");
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(result.receivedCloseNotify()).as(result.diagnostics()).isTrue();
            assertThat(result.errors()).as(result.diagnostics()).isEmpty();
        }
    }
}
