package dev.handshake.interop;

import dev.handshake.testkit.GnuTlsClient;
import dev.handshake.testkit.GnuTlsServer;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.PemFiles;
import dev.handshake.testkit.TestPki;
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
 * TLS 1.3 against GnuTLS 3.7 in both directions: our client against {@code gnutls-serv --echo} and
 * {@code gnutls-cli} against our server, for each suite, each group, each signature scheme, a forced
 * HelloRetryRequest, resumption, KeyUpdate, and client certificates (TLS 1.3 and 1.2, and the refusal
 * without one). GnuTLS's side is read from the session description each program prints
 * ("(TLS1.3-X.509)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-128-GCM)") and its resumption
 * and rekey messages; ours from the session and a {@link Recorder}.
 *
 * <p>gnutls-serv cannot start a KeyUpdate (it has no console); it sends one only when our client
 * asks for it with update_requested, which {@link #ourClientUpdatesItsKeysWithGnuTlsServer} does.
 */
class Tls13GnuTlsInteropTest {

    private static final TestPki PKI = TestPki.of(KeyType.ECDSA_P256);
    private static final String TLS13 = "NORMAL:-VERS-ALL:+VERS-TLS1.3";
    private static final String TLS12 = "NORMAL:-VERS-ALL:+VERS-TLS1.2";

    @TempDir
    Path work;

    private PemFiles pem(TestPki pki) {
        return pki.server().writePem(work);
    }

    /** Our client sends a line, gets it echoed, closes, and gnutls-serv answers our close_notify. */
    private static OurClient.Exchange roundTripAndClose(GnuTlsServer server, TlsConfig config) throws Exception {
        OurClient.Exchange exchange = OurClient.exchange(server.port(), config, "hello, gnutls");
        assertThat(exchange.reply()).as(server.diagnostics()).isEqualTo("hello, gnutls");
        assertThat(exchange.serverAnsweredCloseNotify()).as(server.diagnostics()).isTrue();
        assertThat(exchange.session().version()).isEqualTo(ProtocolVersion.TLS13);
        server.awaitHandshakes(1);
        assertThat(server.errors()).as(server.diagnostics()).isEmpty();
        return exchange;
    }

    /** gnutls-cli sends a line, gets it reversed, closes first; our server answers its close_notify. */
    private static OurReverseServer.Ended roundTripAndClose(OurReverseServer server, GnuTlsClient client)
            throws Exception {
        GnuTlsClient.Result result = client.exchange("hello, handshake\n", "ekahsdnah ,olleh\n");
        OurReverseServer.Ended ended = server.awaitConnection();
        assertThat(result.received()).as(result.diagnostics()).isEqualTo("ekahsdnah ,olleh\n");
        assertThat(result.protocol()).isEqualTo("TLS1.3");
        assertThat(result.peerClosed()).as(result.diagnostics()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(ended.failure()).isNull();
        assertThat(ended.clientClosedCleanly()).isTrue();
        return ended;
    }

    // ---- cipher suites ----

    @ParameterizedTest(name = "our client -> gnutls-serv: {0}")
    @CsvSource({"TLS_AES_128_GCM_SHA256, AES-128-GCM", "TLS_AES_256_GCM_SHA384, AES-256-GCM",
        "TLS_CHACHA20_POLY1305_SHA256, CHACHA20-POLY1305"})
    void ourClientToGnuTlsServerWithEachSuite(String suite, String gnutlsCipher) throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work)
                .priority(TLS13 + ":-CIPHER-ALL:+" + gnutlsCipher).start()) {
            OurClient.Exchange exchange = roundTripAndClose(server,
                ourClient(PKI).cipherSuites(List.of(CipherSuite.forName(suite))).build());

            assertThat(exchange.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(server.descriptions()).singleElement().asString()
                .startsWith("(TLS1.3-X.509)").endsWith("-(" + gnutlsCipher + ")");
        }
    }

    @ParameterizedTest(name = "gnutls-cli -> our server: {0}")
    @CsvSource({"TLS_AES_128_GCM_SHA256, AES-128-GCM", "TLS_AES_256_GCM_SHA384, AES-256-GCM",
        "TLS_CHACHA20_POLY1305_SHA256, CHACHA20-POLY1305"})
    void gnuTlsClientToOurServerWithEachSuite(String suite, String gnutlsCipher) throws Exception {
        try (OurReverseServer server = new OurReverseServer(
                ourServer(PKI).cipherSuites(List.of(CipherSuite.forName(suite))).build())) {
            GnuTlsClient client = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root());
            OurReverseServer.Ended ended = roundTripAndClose(server, client);

            assertThat(ended.session().cipherSuite().name()).isEqualTo(suite);
            assertThat(ended.session().serverName()).isEqualTo("localhost");
        }
    }

    // ---- groups ----

    @ParameterizedTest(name = "our client -> gnutls-serv: {0}")
    @CsvSource({"x25519, X25519, ECDHE-X25519", "secp256r1, SECP256R1, ECDHE-SECP256R1",
        "secp384r1, SECP384R1, ECDHE-SECP384R1", "ffdhe2048, FFDHE2048, DHE-FFDHE2048",
        "ffdhe3072, FFDHE3072, DHE-FFDHE3072"})
    void ourClientToGnuTlsServerWithEachGroup(String group, String gnutlsGroup, String keyExchange) throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work)
                .priority(TLS13 + ":-GROUP-ALL:+GROUP-" + gnutlsGroup).start()) {
            TlsConfig.Builder config = ourClient(PKI).namedGroups(List.of(NamedGroup.forName(group)));
            Recorder ours = Recorder.in(config);
            OurClient.Exchange exchange = roundTripAndClose(server, config.build());

            assertThat(exchange.session().namedGroup()).isEqualTo(NamedGroup.forName(group));
            assertThat(server.descriptions()).singleElement().asString().contains("-(" + keyExchange + ")-");
            assertThat(ours.helloRetryRequests(RECEIVED)).isZero();
        }
    }

    @ParameterizedTest(name = "gnutls-cli -> our server: {0}")
    @CsvSource({"x25519, X25519, ECDHE-X25519", "secp256r1, SECP256R1, ECDHE-SECP256R1",
        "secp384r1, SECP384R1, ECDHE-SECP384R1", "ffdhe2048, FFDHE2048, DHE-FFDHE2048",
        "ffdhe3072, FFDHE3072, DHE-FFDHE3072"})
    void gnuTlsClientToOurServerWithEachGroup(String group, String gnutlsGroup, String keyExchange) throws Exception {
        TlsConfig.Builder config = ourServer(PKI).namedGroups(List.of(NamedGroup.forName(group)));
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build())) {
            // Our server closes first this time (the line CLOSE); gnutls-cli sees its close_notify.
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root())
                .priority(TLS13 + ":-GROUP-ALL:+GROUP-" + gnutlsGroup).request("hello, handshake\nCLOSE\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("ekahsdnah ,olleh\n");
            assertThat(result.description()).contains("-(" + keyExchange + ")-");
            assertThat(result.peerClosed()).isTrue();
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().namedGroup()).isEqualTo(NamedGroup.forName(group));
            assertThat(ours.helloRetryRequests(SENT)).isZero();
        }
    }

    // ---- signature schemes (the server's CertificateVerify) ----

    @ParameterizedTest(name = "our client -> gnutls-serv: {0} certificate")
    @CsvSource({"RSA_2048, rsa_pss_rsae_sha256", "RSA_PSS, rsa_pss_pss_sha256", "ECDSA_P256, ecdsa_secp256r1_sha256",
        "ECDSA_P384, ecdsa_secp384r1_sha384", "ED25519, ed25519"})
    void ourClientVerifiesEachSignatureSchemeOfGnuTls(KeyType leaf, String scheme) throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.ECDSA_P256).withLeaf(leaf));
        try (GnuTlsServer server = GnuTlsServer.builder(pki.server(), work).priority(TLS13).start()) {
            OurClient.Exchange exchange = roundTripAndClose(server, ourClient(pki).build());

            assertThat(exchange.session().signatureScheme()).isEqualTo(SignatureScheme.forName(scheme));
        }
    }

    @ParameterizedTest(name = "gnutls-cli -> our server: {0} certificate")
    @CsvSource({"RSA_2048, RSA-PSS-RSAE-SHA256", "RSA_PSS, RSA-PSS-SHA256", "ECDSA_P256, ECDSA-SECP256R1-SHA256",
        "ECDSA_P384, ECDSA-SECP384R1-SHA384", "ED25519, EdDSA-Ed25519"})
    void gnuTlsClientVerifiesEachSignatureSchemeOfOurs(KeyType leaf, String gnutlsSignature) throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.ECDSA_P256).withLeaf(leaf));
        try (OurReverseServer server = new OurReverseServer(ourServer(pki).build())) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), work).trust(pem(pki).root())
                .exchange("signed\n", "dengis\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("dengis\n");
            assertThat(result.description()).contains("-(" + gnutlsSignature + ")-");
            assertThat(ended.failure()).isNull();
        }
    }

    // ---- HelloRetryRequest ----

    @Test
    void gnuTlsServerAsksOurClientForAnotherShare() throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work)
                .priority(TLS13 + ":-GROUP-ALL:+GROUP-SECP384R1").start()) {
            TlsConfig.Builder config = ourClient(PKI).namedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP384R1));
            Recorder ours = Recorder.in(config);
            OurClient.Exchange exchange = roundTripAndClose(server, config.build());

            assertThat(exchange.session().namedGroup()).isEqualTo(NamedGroup.SECP384R1);
            assertThat(ours.helloRetryRequests(RECEIVED)).isEqualTo(1);
            assertThat(ours.sent(HandshakeType.CLIENT_HELLO)).isEqualTo(2);
            assertThat(server.descriptions()).singleElement().asString().contains("-(ECDHE-SECP384R1)-");
        }
    }

    @Test
    void ourServerAsksGnuTlsClientForAnotherShare() throws Exception {
        TlsConfig.Builder config = ourServer(PKI).namedGroups(List.of(NamedGroup.SECP384R1));
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build())) {
            // gnutls-cli sends one share per kind of group: here for secp256r1 only.
            GnuTlsClient client = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root())
                .priority(TLS13 + ":-GROUP-ALL:+GROUP-SECP256R1:+GROUP-SECP384R1");
            OurReverseServer.Ended ended = roundTripAndClose(server, client);

            assertThat(ours.helloRetryRequests(SENT)).isEqualTo(1);
            assertThat(ours.received(HandshakeType.CLIENT_HELLO)).isEqualTo(2);
            assertThat(ended.session().namedGroup()).isEqualTo(NamedGroup.SECP384R1);
        }
    }

    // ---- resumption ----

    @Test
    void ourClientResumesWithGnuTlsServersTicket() throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work).priority(TLS13).start()) {
            TlsConfig config = ourClient(PKI).build();
            OurClient.Exchange first = OurClient.exchange(server.port(), config, "first");
            OurClient.Exchange second = OurClient.exchange(server.port(), config, "second");

            assertThat(first.session().resumed()).isFalse();
            assertThat(second.session().resumed()).as(server.diagnostics()).isTrue();
            assertThat(second.reply()).isEqualTo("second");
            assertThat(second.serverAnsweredCloseNotify()).isTrue();
            server.awaitHandshakes(2);
            assertThat(server.resumedSessions()).isEqualTo(1);
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void gnuTlsClientResumesWithOurTicket() throws Exception {
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build())) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root())
                .args("--resume").exchange("resumed\n", "demuser\n");
            OurReverseServer.Ended first = server.awaitConnection();
            OurReverseServer.Ended second = server.awaitConnection();

            assertThat(result.resumed()).as(result.diagnostics()).isTrue();
            assertThat(first.session().resumed()).isFalse();
            assertThat(second.session().resumed()).isTrue();
            assertThat(second.failure()).isNull();
            assertThat(second.clientClosedCleanly()).isTrue();
            assertThat(ours.sent(HandshakeType.CERTIFICATE)).isEqualTo(1);
        }
    }

    // ---- KeyUpdate ----

    @Test
    void ourClientUpdatesItsKeysWithGnuTlsServer() throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work).priority(TLS13).start()) {
            TlsConfig.Builder config = ourClient(PKI);
            Recorder ours = Recorder.in(config);
            try (OurClient.Conversation conversation = OurClient.Conversation.open(server.port(), config.build())) {
                assertThat(conversation.exchange("before")).isEqualTo("before");
                conversation.updateKeys(false);
                assertThat(conversation.exchange("after one")).isEqualTo("after one");
                conversation.updateKeys(true);
                assertThat(conversation.exchange("after both")).isEqualTo("after both");
                assertThat(conversation.closeAndAwaitPeer()).isTrue();
            }

            assertThat(ours.keyUpdates(SENT, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(SENT, true)).isEqualTo(1);
            // gnutls-serv's answer to update_requested: the KeyUpdate it cannot start on its own.
            assertThat(ours.keyUpdates(RECEIVED, false)).as(server.diagnostics()).isEqualTo(1);
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void gnuTlsClientUpdatesItsKeysWithOurServer() throws Exception {
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build());
             GnuTlsClient.Conversation client = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root()).start()) {
            client.send("before\n").awaitReceived("erofeb\n");
            // gnutls-cli runs an inline command in order with the data around it.
            client.send("^rekey^\n").send("after both\n").awaitReceived("htob retfa\n");
            client.send("^rekey1^\n").send("after one\n").awaitReceived("eno retfa\n");
            GnuTlsClient.Result result = client.finish();
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.rekeys()).as(result.diagnostics()).isEqualTo(2);
            assertThat(ours.keyUpdates(RECEIVED, true)).as(result.diagnostics()).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(SENT, false)).isEqualTo(1);
            assertThat(result.errors()).isEmpty();
            assertThat(ended.failure()).isNull();
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    @Test
    void ourServerUpdatesItsKeysWithGnuTlsClient() throws Exception {
        TlsConfig.Builder config = ourServer(PKI);
        Recorder ours = Recorder.in(config);
        try (OurReverseServer server = new OurReverseServer(config.build());
             GnuTlsClient.Conversation client = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root()).start()) {
            client.send("UPDATE KEYS\n").awaitReceived("SYEK ETADPU\n");
            client.send("UPDATE KEYS AND REQUEST\n").awaitReceived("TSEUQER DNA SYEK ETADPU\n");
            client.send("after both\n").awaitReceived("htob retfa\n");
            GnuTlsClient.Result result = client.finish();
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(ours.keyUpdates(SENT, false)).isEqualTo(1);
            assertThat(ours.keyUpdates(SENT, true)).isEqualTo(1);
            assertThat(ours.keyUpdates(RECEIVED, false)).as(result.diagnostics()).isEqualTo(1);
            assertThat(result.errors()).isEmpty();
            assertThat(ended.failure()).isNull();
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    // ---- client certificates ----

    /** Our side offers TLS 1.3 and 1.2, as by default; the peer speaks only the version of the case. */
    private static final List<ProtocolVersion> BOTH_VERSIONS = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);

    private static ProtocolVersion version(String name) {
        return name.equals("TLS1.3") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
    }

    private static String priority(String version) {
        return version.equals("TLS1.3") ? TLS13 : TLS12;
    }

    @ParameterizedTest(name = "our client -> gnutls-serv --require-client-cert: {0} {1}")
    @CsvSource({"TLS1.3, ECDSA_P256", "TLS1.3, RSA_2048", "TLS1.3, ED25519", "TLS1.2, ECDSA_P256", "TLS1.2, RSA_2048"})
    void ourClientPresentsItsCertificateToGnuTls(String version, KeyType clientKey) throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work).priority(priority(version))
                .requireClientCertificate().start()) {
            OurClient.Exchange exchange = OurClient.exchange(server.port(), ourClient(PKI)
                .versions(BOTH_VERSIONS).credential(PKI.client(clientKey).credential()).build(), "me");

            assertThat(exchange.reply()).as(server.diagnostics()).isEqualTo("me");
            assertThat(exchange.session().version()).isEqualTo(version(version));
            assertThat(exchange.serverAnsweredCloseNotify()).isTrue();
            server.awaitHandshakes(1);
            assertThat(server.stdout()).contains("Handshake Test Client " + clientKey);
            assertThat(server.errors()).isEmpty();
        }
    }

    @ParameterizedTest(name = "our client without a certificate -> gnutls-serv --require-client-cert: {0}")
    // GnuTLS 3.7 refuses a TLS 1.2 client without a certificate with decode_error (its own gnutls-cli too).
    @CsvSource({"TLS1.3, certificate_required", "TLS1.2, decode_error"})
    void gnuTlsRefusesOurClientWithoutACertificate(String version, String alert) throws Exception {
        try (GnuTlsServer server = GnuTlsServer.builder(PKI.server(), work).priority(priority(version))
                .requireClientCertificate().start()) {
            TlsException refused = catchThrowableOfType(() -> OurClient.exchange(server.port(),
                ourClient(PKI).versions(BOTH_VERSIONS).build(), "anonymous"), TlsException.class);

            assertThat(refused).as(server.diagnostics()).isNotNull();
            assertThat(refused.alert().name()).isEqualTo(alert);
            assertThat(refused.sentByPeer()).isTrue();
        }
    }

    @ParameterizedTest(name = "gnutls-cli with a certificate -> our server: {0} {1}")
    @CsvSource({"TLS1.3, ECDSA_P256", "TLS1.3, RSA_2048", "TLS1.3, ED25519", "TLS1.2, ECDSA_P256", "TLS1.2, RSA_2048"})
    void gnuTlsClientPresentsItsCertificateToUs(String version, KeyType clientKey) throws Exception {
        TlsConfig config = requiringClientCertificates(ourServer(PKI).versions(BOTH_VERSIONS), PKI).build();
        try (OurReverseServer server = new OurReverseServer(config)) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root())
                .priority(priority(version)).certificate(PKI.client(clientKey).writePem(work)).exchange("me\n", "em\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).as(result.diagnostics()).isEqualTo("em\n");
            assertThat(result.protocol()).isEqualTo(version);
            assertThat(ended.failure()).isNull();
            assertThat(ended.session().peerCertificates()).containsExactlyElementsOf(PKI.client(clientKey).chain());
            assertThat(ended.clientClosedCleanly()).isTrue();
        }
    }

    @ParameterizedTest(name = "gnutls-cli without a certificate -> our server: {0}")
    @CsvSource({"TLS1.3, certificate_required", "TLS1.2, handshake_failure"})
    void weRefuseGnuTlsClientWithoutACertificate(String version, String alert) throws Exception {
        TlsConfig config = requiringClientCertificates(ourServer(PKI).versions(BOTH_VERSIONS), PKI).build();
        try (OurReverseServer server = new OurReverseServer(config)) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), work).trust(pem(PKI).root())
                .priority(priority(version)).exchange("anonymous\n", "suomynona\n");
            OurReverseServer.Ended ended = server.awaitConnection();

            assertThat(result.received()).isEmpty();
            assertThat(result.exitCode()).as(result.diagnostics()).isNotZero();
            assertThat(ended.failure()).isInstanceOf(TlsException.class);
            assertThat(((TlsException) ended.failure()).alert().name()).isEqualTo(alert);
        }
    }
}
