package dev.handshake.cli;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.PemFiles;
import dev.handshake.testkit.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect --explain} and {@code --json} against {@code serve}, and {@code serve --explain}. */
@Timeout(120)
class ExplainTest {

    @TempDir
    static Path dir;
    static PemFiles files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.of(KeyType.RSA_2048).server().writePem(dir);
        serve = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString(), "--explain");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    private static Cli connect(String suite, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", serve.address(), "--trust", files.root().toString(),
            "--suite", suite));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({
        "TLS_RSA_WITH_AES_128_GCM_SHA256, encrypted pre-master secret, no: the pre-master secret crossed the wire",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, 2048-bit prime, yes: the secrets came from ephemeral ffdhe2048",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, curve                  x25519, yes: the secrets came from ephemeral x25519",
    })
    void explainsEveryMessageInWireOrder(String suite, String keyExchangeDetail, String forwardSecrecy) {
        Cli cli = connect(suite, "--explain");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        String out = cli.out();
        assertThat(out).doesNotContain("\u001b[");
        assertThat(out).containsSubsequence("1.  ClientHello", "client random", "cipher suites", suite,
            "ServerHello", "server random", "cipher suite", suite,
            "Certificate", "subject    O=Handshake Test,CN=localhost", "issuer     O=Handshake Test,CN=Handshake Test Intermediate CA",
            "key        RSA 2048-bit",
            "Chain of trust", "signature matches", "path accepted",
            "ClientKeyExchange",
            "Keys", "pre_master_secret", "master_secret", "extended master secret",
            "ChangeCipherSpec", "client \u2500\u2500\u2500\u25b6 server", "Finished", "encrypted", "verify_data",
            "ChangeCipherSpec", "Finished",
            "== Handshake complete: TLS 1.2, " + suite,
            "Summary", "round trips       2 round trips", forwardSecrecy,
            "HTTP/1.1 200 OK");
        assertThat(out).contains(keyExchangeDetail);
        if (!suite.startsWith("TLS_RSA_")) {
            assertThat(out).contains("ServerKeyExchange", "over client_random + server_random");
        }
    }

    @Test
    void explainsTls13MessagesAndItsKeySchedule() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--explain");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).containsSubsequence("1.  ClientHello", "frozen at TLS 1.2 for old middleboxes",
            "supported_versions      TLS 1.3, TLS 1.2", "key_share               x25519: client's public value",
            "psk_key_exchange_modes  psk_dhe_ke",
            "2.  ServerHello", "plaintext", "supported_versions  TLS 1.3: this extension, not the version field",
            "key_share           x25519: server's public value",
            "Key schedule", "early_secret", "HKDF-Extract(0, 0): no pre-shared key", "shared_secret", "handshake_secret",
            "client_handshake_traffic_secret", "server_handshake_traffic_secret",
            "3.  ChangeCipherSpec", "client \u25c0\u2500\u2500\u2500 server   plaintext", "Only for middleboxes",
            "4.  EncryptedExtensions", "encrypted", "5.  Certificate", "encrypted", "subject    O=Handshake Test,CN=localhost",
            "Chain of trust", "path accepted",
            "6.  CertificateVerify", "64 spaces (0x20) + \"TLS 1.3, server CertificateVerify\" + 0x00",
            "7.  Finished", "finished_key = HKDF-Expand-Label(server_handshake_traffic_secret, \"finished\"",
            "master_secret", "client_application_traffic_secret_0", "exporter_master_secret",
            "8.  ChangeCipherSpec", "plaintext", "Only for middleboxes",
            "9.  Finished", "client \u2500\u2500\u2500\u25b6 server   encrypted", "resumption_master_secret",
            "== Handshake complete: TLS 1.3, TLS_AES_128_GCM_SHA256, x25519, signed rsa_pss_rsae_sha256",
            "10. NewSessionTicket", "lifetime        86400 s (24h)", "ticket_age_add", "nonce", "ticket ",
            "Summary", "handshake         7 messages in 3 flights", "post-handshake    2 NewSessionTicket",
            "round trips       1 round trip before the client could send its request: TLS 1.3",
            "resumption        full handshake; 2 session tickets for next time",
            "forward secrecy   yes: the secrets came from ephemeral x25519 key shares that are thrown away (TLS 1.3");
    }

    @Test
    void aResumedSessionShowsTheTicketAndNoCertificate() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--explain", "--reconnect", "1");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        String resumed = cli.out().substring(cli.out().indexOf("resumed       no"));
        assertThat(resumed).containsSubsequence("1.  ClientHello", "It also offers a session ticket",
            "pre_shared_key", "ticket #0  ", "bytes, opaque to the client; obfuscated_ticket_age", "binder     ",
            "2.  ServerHello", "pre_shared_key      ticket #0 accepted",
            "early_secret", "HKDF-Extract(0, PSK): the pre-shared key from the session ticket",
            "3.  ChangeCipherSpec", "4.  EncryptedExtensions", "5.  Finished",
            "== Handshake complete: TLS 1.3, TLS_AES_128_GCM_SHA256, x25519, resumed",
            "resumption        resumed from a session ticket: no certificate was sent",
            "forward secrecy   yes: resumed with psk_dhe_ke, so fresh ephemeral x25519 key shares went into the keys",
            "reconnect 1: resumed");
        assertThat(resumed).doesNotContain("CertificateVerify", "Chain of trust");
        assertThat(flat(resumed)).contains("It accepts the client's session ticket: the session resumes, authenticated by "
            + "the ticket's pre-shared key instead of a certificate.");
    }

    @Test
    void aKeyUpdateAndTheServersAnswerAreExplained() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--explain", "--key-update");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).containsSubsequence("== Handshake complete",
            "KeyUpdate             client \u2500\u2500\u2500\u25b6 server   encrypted",
            "\"traffic upd\"", "request_update  update_requested (1)", "application data",
            "KeyUpdate             client \u25c0\u2500\u2500\u2500 server   encrypted", "request_update  update_not_requested (0)",
            "post-handshake    2 NewSessionTicket, 2 KeyUpdate",
            "key update    sent (update_requested); the server updated its keys too");
    }

    @Test
    void keyUpdateNeedsTls13() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--key-update", "--tls1.2");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).contains("key update    not sent: TLS 1.2 has no KeyUpdate");
    }

    @Test
    void aHelloRetryRequestIsExplainedOnBothSides() throws Exception {
        try (RunningServe x25519Only = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString(),
                "--group", "x25519", "--explain")) {
            Cli cli = Cli.run("connect", x25519Only.address(), "--trust", files.root().toString(), "--explain",
                "--group", "secp384r1", "--group", "x25519");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).containsSubsequence("1.  ClientHello", "key_share               secp384r1: client's public value",
                "2.  HelloRetryRequest", "client \u25c0\u2500\u2500\u2500 server   plaintext",
                "random", "= SHA-256(\"HelloRetryRequest\")",
                "key_share           x25519: the group the server wants a key share for", "cookie",
                "ChangeCipherSpec",
                "ClientHello", "The ClientHello again, as the HelloRetryRequest asked", "x25519: client's public value",
                "returned from the HelloRetryRequest",
                "ServerHello", "x25519: server's public value",
                "== Handshake complete: TLS 1.3",
                "round trips       2 round trips before the client could send its request: TLS 1.3 needs one, the "
                    + "HelloRetryRequest cost one more");
            assertThat(flat(cli.out())).contains("The client's key share was for secp384r1, a group the server does not "
                + "take; the server asks for a share in x25519, which the client listed in supported_groups. The cookie "
                + "must come back in the second ClientHello");
            x25519Only.awaitLog("forward secrecy");
            assertThat(x25519Only.log()).containsSubsequence("HelloRetryRequest", "client \u25c0\u2500\u2500\u2500 server",
                "The ClientHello again", "== Handshake complete: TLS 1.3", "round trips       2 round trips");
        }
    }

    @Test
    void tls13JsonCarriesTheDecodedFields() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--json");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out())
            .contains("{\"name\":\"key_share\",\"value\":\"x25519: client's public value ")
            .contains("\"type\":\"EncryptedExtensions\",\"typeCode\":8")
            .contains("\"type\":\"NewSessionTicket\",\"typeCode\":4", "{\"name\":\"lifetime\",\"value\":\"86400 s")
            .contains("\"name\":\"early_secret\"", "\"name\":\"client_application_traffic_secret_0\"")
            .contains("\"version\":\"TLS 1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\"", "\"resumed\":false")
            .contains("\"event\":\"Summary\",\"handshakeMessages\":7,\"handshakeFlights\":3,\"roundTrips\":1,"
                + "\"helloRetryRequest\":false,\"newSessionTickets\":2,\"keyUpdates\":0,\"version\":\"TLS 1.3\"");
    }

    /** The text with each run of white space, line breaks of wrapped paragraphs included, made one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void falseStartCostsOneRoundTripLess() {
        Cli cli = connect("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--explain", "--false-start");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).contains("1 round trip before the client sent its request: False Start");
    }

    @Test
    void jsonIsOneObjectPerEventAndNothingElse() {
        Cli cli = connect("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--json");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"connection\":1,").endsWith("}"));
        assertThat(cli.out())
            .contains("\"event\":\"HandshakeMessage\",\"from\":\"client\",\"to\":\"server\",\"encrypted\":false,"
                + "\"type\":\"ClientHello\",\"typeCode\":1")
            .contains("\"event\":\"Secret\"", "\"name\":\"master_secret\"", "\"event\":\"CertificateCheck\"")
            .contains("\"event\":\"Record\"", "\"event\":\"Completed\"", "\"cipherSuite\":\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"")
            .contains("\"event\":\"Summary\"", "\"roundTrips\":2")
            .doesNotContain("HTTP/1.1 200 OK");
    }

    @Test
    void theServerExplainsItsSideWhenTheConnectionEnds() throws InterruptedException {
        Cli cli = connect("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        serve.awaitLog("forward secrecy");
        assertThat(serve.log()).containsSubsequence("1.  ClientHello", "client \u2500\u2500\u2500\u25b6 server",
            "ServerHello", "client \u25c0\u2500\u2500\u2500 server", "Keys", "== Handshake complete", "Summary");
    }

    @Test
    void aFailedHandshakeIsExplainedUpToTheAlert() throws Exception {
        Path otherRoot = TestPki.of(KeyType.ECDSA_P256).server().writePem(Files.createDirectories(dir.resolve("other"))).root();
        Cli cli = Cli.run("connect", serve.address(), "--trust", otherRoot.toString(), "--explain");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).containsSubsequence("ClientHello", "Certificate", "Chain of trust", "\u2717",
            "== Failed: we sent unknown_ca", "Summary", "outcome");
    }

    @Test
    void explainAndJsonExcludeEachOther() {
        Cli cli = connect("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--explain", "--json");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--explain and --json exclude each other");
    }
}
