package dev.handshake.interop;

import dev.handshake.testkit.InMemoryLink;
import dev.handshake.testkit.JdkConnection;
import dev.handshake.testkit.JdkContexts;
import dev.handshake.testkit.JdkEnginePeer;
import dev.handshake.testkit.JdkServer;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS 1.2 against the JDK's own TLS (SunJSSE): its SSLEngine in memory for every suite in both
 * directions, and over real sockets. Each case checks the suite, a round trip, and close_notify
 * answered by close_notify.
 */
class JdkInteropTest {

    private static final String SUITES = """
        TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, rsa
        TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, rsa
        TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, rsa
        TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ecdsa
        TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ecdsa
        TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ecdsa
        TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, rsa
        TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, rsa
        TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, rsa
        TLS_RSA_WITH_AES_128_GCM_SHA256, rsa
        TLS_RSA_WITH_AES_256_GCM_SHA384, rsa
        """;

    private static TestPki pki(String keyType) {
        return TestPki.of(keyType.equals("ecdsa") ? KeyType.ECDSA_P256 : KeyType.RSA_2048);
    }

    private static TlsConfig ourClient(String suite, TestPki pki) {
        return TlsConfig.builder().cipherSuites(List.of(CipherSuite.forName(suite)))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(pki.root())))).build();
    }

    private static TlsConfig ourServer(String suite, TestPki pki) {
        return TlsConfig.builder().cipherSuites(List.of(CipherSuite.forName(suite)))
            .credential(pki.server().credential()).build();
    }

    @ParameterizedTest(name = "our client -> SSLEngine: {0}")
    @CsvSource(textBlock = SUITES)
    void ourClientToJdkEngine(String suite, String keyType) throws Exception {
        TestPki pki = pki(keyType);
        OurEndpoint ours = new OurEndpoint(TlsConnection.client(ourClient(suite, pki), "localhost"));
        JdkEnginePeer jdk = JdkEnginePeer.server(JdkContexts.server(pki), p -> p.setCipherSuites(new String[] {suite}));
        InMemoryLink.pump(ours, jdk);

        assertThat(jdk.failure()).isEmpty();
        assertThat(ours.connection.session().cipherSuite().name()).isEqualTo(suite);
        assertThat(jdk.session().getCipherSuite()).isEqualTo(suite);
        roundTripAndClose(ours, jdk);
    }

    @ParameterizedTest(name = "SSLEngine -> our server: {0}")
    @CsvSource(textBlock = SUITES)
    void jdkEngineToOurServer(String suite, String keyType) throws Exception {
        TestPki pki = pki(keyType);
        OurEndpoint ours = new OurEndpoint(TlsConnection.server(ourServer(suite, pki)));
        JdkEnginePeer jdk = JdkEnginePeer.client(JdkContexts.client(pki), p -> p.setCipherSuites(new String[] {suite}));
        InMemoryLink.pump(jdk, ours);

        assertThat(jdk.failure()).isEmpty();
        assertThat(jdk.session().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(jdk.session().getCipherSuite()).isEqualTo(suite);
        assertThat(ours.connection.session().cipherSuite().name()).isEqualTo(suite);
        roundTripAndClose(ours, jdk);
    }

    /** Data both ways; then we close, and the JDK answers our close_notify with its own. */
    private static void roundTripAndClose(OurEndpoint ours, JdkEnginePeer jdk) throws Exception {
        ours.write("from handshake");
        jdk.write("from the jdk");
        InMemoryLink.pump(ours, jdk);
        assertThat(jdk.read()).isEqualTo("from handshake");
        assertThat(ours.read()).isEqualTo("from the jdk");

        ours.connection.close();
        InMemoryLink.pump(ours, jdk);
        assertThat(jdk.receivedCloseNotify()).isTrue();
        assertThat(ours.connection.isPeerClosed()).isTrue();
        assertThat(jdk.failure()).isEmpty();
    }

    @Test
    void jdkClosesFirstAndWeAnswer() throws Exception {
        TestPki pki = pki("rsa");
        OurEndpoint ours = new OurEndpoint(TlsConnection.server(TlsConfig.builder()
            .credential(pki.server().credential()).build()));
        JdkEnginePeer jdk = JdkEnginePeer.client(JdkContexts.client(pki), p -> p.setProtocols(new String[] {"TLSv1.2"}));
        InMemoryLink.pump(jdk, ours);
        jdk.closeOutbound();
        InMemoryLink.pump(jdk, ours);
        assertThat(ours.connection.isPeerClosed()).isTrue();
        assertThat(jdk.receivedCloseNotify()).isTrue();
        assertThat(jdk.isClosed()).isTrue();
    }

    /**
     * The JDK server asks to renegotiate (HelloRequest). We refuse with a no_renegotiation warning
     * (RFC 5746 §4.2 / RFC 5246 §7.2.2), not a fatal alert; SunJSSE then ends the connection itself.
     */
    @Test
    void aRenegotiationRequestIsRefusedWithAWarning() throws Exception {
        TestPki pki = pki("rsa");
        OurEndpoint ours = new OurEndpoint(TlsConnection.client(ourClient("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", pki),
            "localhost"));
        JdkEnginePeer jdk = JdkEnginePeer.server(JdkContexts.server(pki), p -> { });
        InMemoryLink.pump(ours, jdk);
        jdk.renegotiate();
        ours.fromNetwork(jdk.toNetwork());
        byte[] answer = ours.toNetwork();
        // One protected alert record: header, 8-byte explicit nonce, the 2-byte alert, 16-byte tag.
        assertThat(answer).hasSize(5 + 8 + 2 + 16);
        assertThat(answer[0]).isEqualTo((byte) 21);
        assertThat(ours.connection.session()).isNotNull();
        jdk.fromNetwork(answer);
        assertThat(jdk.failure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("renegotiation"));
    }

    @Test
    void ourClientOverASocketToTheJdkServer() throws Exception {
        TestPki pki = pki("ecdsa");
        try (JdkServer server = JdkServer.start(JdkContexts.server(pki), p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
            OurClient.Exchange exchange = OurClient.reverse(server.port(),
                ourClient("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", pki), "over a socket");
            JdkServer.Connection connection = server.awaitConnection();
            assertThat(exchange.reply()).isEqualTo("tekcos a revo");
            assertThat(exchange.serverAnsweredCloseNotify()).isTrue();
            assertThat(connection.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
            assertThat(connection.receivedCloseNotify()).isTrue();
            assertThat(connection.failure()).isEmpty();
        }
    }

    @Test
    void theJdkClientOverASocketToOurServer() throws Exception {
        TestPki pki = pki("rsa");
        try (OurReverseServer server = new OurReverseServer(ourServer("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", pki));
             JdkConnection jdk = JdkConnection.connect(JdkContexts.client(pki), server.port(), p -> { })) {
            jdk.write("over a socket\n");
            assertThat(jdk.readLine()).isEqualTo("tekcos a revo");
            assertThat(jdk.cipherSuite()).isEqualTo("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
            jdk.close();
            assertThat(jdk.receivedCloseNotify()).isTrue();
            OurReverseServer.Ended ended = server.awaitConnection();
            assertThat(ended.clientClosedCleanly()).isTrue();
            assertThat(ended.failure()).isNull();
        }
    }
}
