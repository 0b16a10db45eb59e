package dev.handshake.interop;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.OpenSslClient;
import dev.handshake.testkit.OpenSslServer;
import dev.handshake.testkit.PemFiles;
import dev.handshake.testkit.TestPki;
import dev.handshake.testkit.Waits;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.HandshakeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.handshake.testkit.Tls13Configs.ourClient;
import static dev.handshake.testkit.Tls13Configs.ourServer;
import static dev.handshake.testkit.Tls13Configs.requiringClientCertificates;
import static dev.handshake.tls.trace.TlsEvent.Direction.RECEIVED;
import static dev.handshake.tls.trace.TlsEvent.Direction.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TLS 1.3 against OpenSSL 3.0 in both directions: our client against {@code openssl s_server} and
 * {@code openssl s_client} against our server, for each suite, each group, each signature scheme,
 * a forced HelloRetryRequest, resumption with a ticket, KeyUpdate sent by each side (with and
 * without update_requested), and client certificates (TLS 1.3 and 1.2, and the refusal without one).
 * Every case checks what both sides say was negotiated, a round trip of application data, and a
 * clean close. OpenSSL's side is read from its output and its -msg log ({@link
 * dev.handshake.testkit.HandshakeLog}); ours from the session and a {@link Recorder}.
 *
 * <p>Not covered: {@code s_server -stateless} (a HelloRetryRequest with a cookie). OpenSSL 3.0's
 * s_server sends that HelloRetryRequest and then drops the TCP connection instead of reading the
 * second ClientHello, with its own s_client too; the cookie is proven against the JDK instead.
 */
class Tls13OpenSslInteropTest {

    private static final TestPki PKI = TestPki.of(KeyType.ECDSA_P256);

    @TempDir
    Path work;

    private PemFiles pem(TestPki pki) {
        return pki.server().writePem(work);
    }

    /** Our client sends a line, gets it back reversed, closes, and s_server answers our close_notify. */
    private static OurClient.Exchange roundTripAndClose(OpenSslServer server, TlsConfig config) throws Exception {
        OurClient.Exchange exchange = OurClient.reverse(server.port(), config, "hello, openssl");
        assertThat(exchange.reply()).isEqualTo("lssnepo ,olleh");
        assertThat(exchange.serverAnsweredCloseNotify()).as(server.diagnostics()).isTrue();
        assertThat(exchange.session().version()).isEqualTo(ProtocolVersion.TLS13);
        server.awaitConnectionsClosed(1);
        assertThat(server.alerts().received("close_notify")).as(server.diagnostics()).isEqualTo(1);
        assertThat(server.errors()).as(server.diagnostics()).isEmpty();
        return exchange;
    }

    // ---- cipher suites ----

    @ParameterizedTest(name = "our client -> s_server: {0}")
    @CsvSource({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void ourClientToOpenSslServerWithEachSuite(String suite) throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work).tls13().ciphersuites(suite).start()) {
            OurClient.Exchange exchange = roundTripAndClose(server,
                ourClient(PKI).cipherSuites(List.of(CipherSuite.forName(suite))).build());

            assertThat(exchange.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(server.cipherSuites()).containsExactly(suite);
        }
    }

    @ParameterizedTest(name = "s_client -> our server: {0}")
    @CsvSource({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void openSslClientToOurServerWithEachSuite(String suite) throws Exception {
        try (OurReverseServer server = new OurReverseServer(
                ourServer(PKI).cipherSuites(List.of(CipherSuite.forName(suite))).build())) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .servername("localhost").exchange("hello, handshake\n", "ekahsdnah ,olleh\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("ekahsdnah ,olleh\n");
            assertThat(result.protocol()).isEqualTo("TLSv1.3");
            assertThat(result.cipherSuite()).isEqualTo(suite);
            assertThat(result.verification()).isEqualTo("OK");
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(ended.session().serverName()).isEqualTo("localhost");
            assertThat(ended.clientClosedCleanly()).as(result.diagnostics()).isTrue();
            assertThat(result.errors()).isEmpty();
        }
    }

    // ---- groups ----

    @ParameterizedTest(name = "our client -> s_server: {0}")
    @CsvSource({"x25519, X25519", "secp256r1, P-256", "secp384r1, P-384", "ffdhe2048, ffdhe2048",
        "ffdhe3072, ffdhe3072"})
    void ourClientToOpenSslServerWithEachGroup(String group, String openSslGroup) throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work).tls13().groups(openSslGroup).start()) {
            OurClient.Exchange exchange = roundTripAndClose(server,
                ourClient(PKI).namedGroups(List.of(NamedGroup.forName(group))).build());

            assertThat(exchange.session().namedGroup()).isEqualTo(NamedGroup.forName(group));
            assertThat(server.handshakes().helloRetryRequests(true)).isZero();
        }
    }

    @ParameterizedTest(name = "s_client -> our server: {0}")
    @CsvSource({"x25519, X25519, 'X25519, 253 bits'", "secp256r1, P-256, 'ECDH, prime256v1, 256 bits'",
        "secp384r1, P-384, 'ECDH, secp384r1, 384 bits'", "ffdhe2048, ffdhe2048, 'DH, 2048 bits'",
        "ffdhe3072, ffdhe3072, 'DH, 3072 bits'"})
    void openSslClientToOurServerWithEachGroup(String group, String openSslGroup, String tempKey) throws Exception {
        try (OurReverseServer server = new OurReverseServer(
                ourServer(PKI).namedGroups(List.of(NamedGroup.forName(group))).build())) {
            // The server closes first this time (the line CLOSE), and s_client sees its close_notify.
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .groups(openSslGroup).request("hello, handshake\nCLOSE\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("ekahsdnah ,olleh\n");
            assertThat(result.protocol()).isEqualTo("TLSv1.3");
            assertThat(result.stderr()).contains("Server Temp Key: " + tempKey);
            assertThat(result.receivedCloseNotify()).as(result.diagnostics()).isTrue();
            assertThat(result.handshakes().helloRetryRequests(false)).isZero();
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().namedGroup()).isEqualTo(NamedGroup.forName(group));
        }
    }

    // ---- signature schemes (the server's CertificateVerify) ----

    @ParameterizedTest(name = "our client -> s_server: {0} certificate")
    @CsvSource({"RSA_2048, rsa_pss_rsae_sha256", "RSA_PSS, rsa_pss_pss_sha256", "ECDSA_P256, ecdsa_secp256r1_sha256",
        "ECDSA_P384, ecdsa_secp384r1_sha384", "ED25519, ed25519"})
    void ourClientVerifiesEachSignatureSchemeOfOpenSsl(KeyType leaf, String scheme) throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.ECDSA_P256).withLeaf(leaf));
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), work).tls13().start()) {
            OurClient.Exchange exchange = roundTripAndClose(server, ourClient(pki).build());

            assertThat(exchange.session().signatureScheme()).isEqualTo(SignatureScheme.forName(scheme));
            assertThat(exchange.session().peerCertificates().get(0)).isEqualTo(pki.server().certificate());
        }
    }

    @ParameterizedTest(name = "s_client -> our server: {0} certificate")
    @CsvSource({"RSA_2048, RSA-PSS", "RSA_PSS, RSA-PSS", "ECDSA_P256, ECDSA", "ECDSA_P384, ECDSA",
        "ED25519, ed25519"})
    void openSslClientVerifiesEachSignatureSchemeOfOurs(KeyType leaf, String signatureType) throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.ECDSA_P256).withLeaf(leaf));
        try (OurReverseServer server = new OurReverseServer(ourServer(pki).build())) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(pki).root())
                .exchange("signed\n", "dengis\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("dengis\n");
            assertThat(result.verification()).isEqualTo("OK");
            assertThat(result.stderr()).contains("Signature type: " + signatureType);
            assertThat(ended.failure()).isNull();
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    // ---- HelloRetryRequest ----

    @Test
    void openSslServerAsksOurClientForAnotherShare() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work).tls13().groups("P-384").start()) {
            TlsConfig.Builder config = ourClient(PKI).namedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP384R1));
            Recorder ours = Recorder.in(config);
            OurClient.Exchange exchange = roundTripAndClose(server, config.build());

            assertThat(exchange.session().namedGroup()).isEqualTo(NamedGroup.SECP384R1);
            assertThat(ours.helloRetryRequests(RECEIVED)).isEqualTo(1);
            assertThat(ours.sent(HandshakeType.CLIENT_HELLO)).isEqualTo(2);
            assertThat(server.handshakes().helloRetryRequests(true)).isEqualTo(1);
            assertThat(server.handshakes().received("ClientHello")).isEqualTo(2);
        }
    }

    @Test
    void ourServerAsksOpenSslClientForAnotherShare() throws Exception {
        TlsConfig.Builder config = ourServer(PKI).namedGroups(List.of(NamedGroup.SECP384R1));
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build())) {
            // s_client sends a share for its first group only: x25519.
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .groups("X25519:P-384").exchange("retry\n", "yrter\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("yrter\n");
            assertThat(result.handshakes().helloRetryRequests(false)).isEqualTo(1);
            assertThat(result.handshakes().sent("ClientHello")).isEqualTo(2);
            assertThat(result.stderr()).contains("Server Temp Key: ECDH, secp384r1, 384 bits");
            assertThat(ours.helloRetryRequests(SENT)).isEqualTo(1);
            assertThat(ended.session().namedGroup()).isEqualTo(NamedGroup.SECP384R1);
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    // ---- resumption ----

    @Test
    void ourClientResumesWithOpenSslServersTicket() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work)
                .mode(OpenSslServer.Mode.STATUS_PAGE).tls13().start()) {
            TlsConfig config = ourClient(PKI).build();
            OurClient.Page first = OurClient.get(server.port(), config, "GET / HTTP/1.0\r\n\r\n");
            OurClient.Page second = OurClient.get(server.port(), config, "GET / HTTP/1.0\r\n\r\n");

            assertThat(first.session().resumed()).isFalse();
            assertThat(first.text()).as(server.diagnostics()).contains("New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256");
            assertThat(second.session().resumed()).as(server.diagnostics()).isTrue();
            assertThat(second.text()).contains("Reused, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256");
            assertThat(second.serverClosedCleanly()).isTrue();
            assertThat(second.session().peerCertificates()).isEqualTo(first.session().peerCertificates());
            assertThat(server.handshakes().sent("Certificate")).isEqualTo(1);
        }
    }

    @Test
    void openSslClientResumesWithOurTicket() throws Exception {
        Path session = work.resolve("session.pem");
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build())) {
            OpenSslClient.Result first = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .servername("localhost").args("-sess_out", session.toString()).exchange("first\n", "tsrif\n");
            OurReverseServer.Ended firstEnded = server.awaitConnection();
            OpenSslClient.Result second = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .servername("localhost").args("-sess_in", session.toString()).exchange("second\n", "dnoces\n");
            OurReverseServer.Ended secondEnded = server.awaitConnection();

            assertThat(firstEnded.session().resumed()).isFalse();
            assertThat(first.handshakes().received("NewSessionTicket")).isPositive();
            assertThat(secondEnded.session().resumed()).as(second.diagnostics()).isTrue();
            assertThat(second.received()).isEqualTo("dnoces\n");
            assertThat(second.handshakes().received("Certificate")).isZero();
            assertThat(ours.sent(HandshakeType.CERTIFICATE)).isEqualTo(1);
            assertThat(secondEnded.clientClosedCleanly()).isTrue();
        }
    }

    // ---- KeyUpdate ----

    @Test
    void ourClientUpdatesItsKeysWithOpenSslServer() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work).tls13().start()) {
            TlsConfig.Builder config = ourClient(PKI);
            Recorder ours = Recorder.in(config);
            try (OurClient.Conversation conversation = OurClient.Conversation.open(server.port(), config.build())) {
                assertThat(conversation.exchange("before")).isEqualTo("erofeb");
                conversation.updateKeys(false);
                assertThat(conversation.exchange("after one")).isEqualTo("eno retfa");
                conversation.updateKeys(true);
                assertThat(conversation.exchange("after both")).isEqualTo("htob retfa");
                assertThat(conversation.closeAndAwaitPeer()).isTrue();
            }
            server.awaitConnectionsClosed(1);

            assertThat(server.handshakes().keyUpdates(false, false)).as(server.diagnostics()).isEqualTo(1);
            assertThat(server.handshakes().keyUpdates(false, true)).isEqualTo(1);
            assertThat(server.handshakes().keyUpdates(true, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, false)).isEqualTo(1);
            assertThat(server.alerts().received("close_notify")).isEqualTo(1);
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void openSslServerUpdatesItsKeysWithOurClient() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder(PKI.server(), work)
                .mode(OpenSslServer.Mode.CONSOLE).tls13().start()) {
            TlsConfig.Builder config = ourClient(PKI);
            Recorder ours = Recorder.in(config);
            try (OurClient.Conversation conversation = OurClient.Conversation.open(server.port(), config.build())) {
                conversation.write("ping");
                server.awaitOutput("ping\n", 1);
                server.type("k\n");
                server.awaitOutput("SSL_do_handshake -> 1", 1);
                server.type("after k\n");
                assertThat(conversation.readLine()).isEqualTo("after k");
                server.type("K\n");
                server.awaitOutput("SSL_do_handshake -> 1", 2);
                server.type("after K\n");
                assertThat(conversation.readLine()).isEqualTo("after K");
                conversation.write("pong");   // after our answering KeyUpdate
                server.awaitOutput("pong\n", 1);
                assertThat(conversation.closeAndAwaitPeer()).as(server.diagnostics()).isTrue();
            }

            assertThat(ours.keyUpdates(RECEIVED, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, true)).isEqualTo(1);
            assertThat(ours.keyUpdates(SENT, false)).isEqualTo(1);
            assertThat(server.handshakes().keyUpdates(false, false)).as(server.diagnostics()).isEqualTo(1);
        }
    }

    @Test
    void openSslClientUpdatesItsKeysWithOurServer() throws Exception {
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build());
             OpenSslClient.Conversation client = OpenSslClient.to(server.port(), work).trust(pem(PKI).root()).start()) {
            client.send("before\n").awaitReceived("erofeb\n");
            client.send("K\n").awaitStderr("KEYUPDATE", 1);
            client.send("after both\n").awaitReceived("htob retfa\n");
            client.send("k\n").awaitStderr("KEYUPDATE", 2);
            client.send("after one\n").awaitReceived("eno retfa\n");
            OpenSslClient.Result result = client.finish();
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(ours.keyUpdates(RECEIVED, true)).as(result.diagnostics()).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(SENT, false)).isEqualTo(1);
            assertThat(result.handshakes().keyUpdates(false, false)).isEqualTo(1);
            assertThat(ended.failure()).isNull();
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    @Test
    void ourServerUpdatesItsKeysWithOpenSslClient() throws Exception {
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build());
             OpenSslClient.Conversation client = OpenSslClient.to(server.port(), work).trust(pem(PKI).root()).start()) {
            client.send("UPDATE KEYS\n").awaitReceived("SYEK ETADPU\n");
            client.send("UPDATE KEYS AND REQUEST\n").awaitReceived("TSEUQER DNA SYEK ETADPU\n");
            client.send("after both\n").awaitReceived("htob retfa\n");
            OpenSslClient.Result result = client.finish();
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.handshakes().keyUpdates(false, false)).as(result.diagnostics()).isEqualTo(1);
            assertThat(result.handshakes().keyUpdates(false, true)).isEqualTo(1);
            assertThat(result.handshakes().keyUpdates(true, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, false)).isEqualTo(1);
            assertThat(ended.failure()).isNull();
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    // ---- client certificates ----

    /** Our side offers TLS 1.3 and 1.2, as by default; the peer speaks only the version of the case. */
    private static final List<ProtocolVersion> BOTH_VERSIONS = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);

    private static ProtocolVersion version(String name) {
        return name.equals("TLSv1.3") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
    }

    private static String openSslVersion(String name) {
        return name.equals("TLSv1.3") ? "-tls1_3" : "-tls1_2";
    }

    @ParameterizedTest(name = "our client -> s_server -Verify: {0} {1}")
    @CsvSource({"TLSv1.3, ECDSA_P256", "TLSv1.3, RSA_2048", "TLSv1.3, ED25519", "TLSv1.2, ECDSA_P256",
        "TLSv1.2, RSA_2048"})
    void ourClientPresentsItsCertificateToOpenSsl(String version, KeyType clientKey) throws Exception {
        OpenSslServer.Builder builder = OpenSslServer.builder(PKI.server(), work).requireClientCertificate();
        try (OpenSslServer server = (version.equals("TLSv1.3") ? builder.tls13() : builder.tls12()).start()) {
            OurClient.Exchange exchange = OurClient.reverse(server.port(), ourClient(PKI)
                .versions(BOTH_VERSIONS).credential(PKI.client(clientKey).credential()).build(), "me");

            assertThat(exchange.reply()).as(server.diagnostics()).isEqualTo("em");
            assertThat(exchange.session().version()).isEqualTo(version(version));
            assertThat(exchange.serverAnsweredCloseNotify()).isTrue();
            server.awaitConnectionsClosed(1);
            assertThat(server.stderr()).contains("Peer certificate: CN = Handshake Test Client " + clientKey);
            assertThat(server.errors()).isEmpty();
        }
    }

    @ParameterizedTest(name = "our client without a certificate -> s_server -Verify: {0}")
    @CsvSource({"TLSv1.3, certificate_required", "TLSv1.2, handshake_failure"})
    void openSslRefusesOurClientWithoutACertificate(String version, String alert)
            throws Exception {
        OpenSslServer.Builder builder = OpenSslServer.builder(PKI.server(), work).requireClientCertificate();
        try (OpenSslServer server = (version.equals("TLSv1.3") ? builder.tls13() : builder.tls12()).start()) {
            TlsException refused = catchThrowableOfType(() -> OurClient.reverse(server.port(),
                ourClient(PKI).versions(BOTH_VERSIONS).build(), "anonymous"), TlsException.class);

            // In TLS 1.3 our client has finished its handshake when the refusal comes; in 1.2 it has not.
            assertThat(refused).as(server.diagnostics()).isNotNull();
            assertThat(refused.alert().name()).isEqualTo(alert);
            assertThat(refused.sentByPeer()).isTrue();
            server.awaitConnectionsFailed(1);
            assertThat(server.alerts().sent(alert)).isEqualTo(1);
            // s_server may print its error line a moment after the connection ends.
            Waits.until("s_server to report the missing certificate", () -> server.errors().stream()
                .anyMatch(line -> line.contains("peer did not return a certificate")), server::diagnostics);
        }
    }

    @ParameterizedTest(name = "s_client with a certificate -> our server: {0} {1}")
    @CsvSource({"TLSv1.3, ECDSA_P256", "TLSv1.3, RSA_2048", "TLSv1.3, ED25519", "TLSv1.2, ECDSA_P256",
        "TLSv1.2, RSA_2048"})
    void openSslClientPresentsItsCertificateToUs(String version, KeyType clientKey) throws Exception {
        TlsConfig config = requiringClientCertificates(ourServer(PKI).versions(BOTH_VERSIONS), PKI).build();
        try (OurReverseServer server = new OurReverseServer(config)) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .args(openSslVersion(version)).certificate(PKI.client(clientKey).writePem(work)).exchange("me\n", "em\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("em\n");
            assertThat(result.protocol()).isEqualTo(version);
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().peerCertificates()).containsExactlyElementsOf(PKI.client(clientKey).chain());
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    @ParameterizedTest(name = "s_client without a certificate -> our server: {0}")
    @CsvSource({"TLSv1.3, certificate_required", "TLSv1.2, handshake_failure"})
    void weRefuseOpenSslClientWithoutACertificate(String version, String alert) throws Exception {
        TlsConfig config = requiringClientCertificates(ourServer(PKI).versions(BOTH_VERSIONS), PKI).build();
        try (OurReverseServer server = new OurReverseServer(config)) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), work).trust(pem(PKI).root())
                .args(openSslVersion(version)).exchange("anonymous\n", "suomynona\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).isEmpty();
            assertThat(result.alerts().received(alert)).as(result.diagnostics()).isEqualTo(1);
            assertThat(ended.failure()).isInstanceOf(TlsException.class);
            assertThat(((TlsException) ended.failure()).alert().name()).isEqualTo(alert);
        }
    }
}
