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
