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
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures of {@code connect --pcap} (and {@code serve --pcap}) read by tshark, the way a person
 * would: with the key log beside the capture it decrypts the HTTP request inside the TLS records.
 */
@Timeout(180)
class WiresharkTest {

    private static final Duration TSHARK_LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static PemFiles files;
    static Path serverCapture;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.of(KeyType.RSA_2048).server().writePem(dir);
        serverCapture = dir.resolve("server.pcap");
        serve = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString(),
            "--pcap", serverCapture.toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
    void tsharkDecryptsTheRequestWithTheKeyLog(String suite) throws Exception {
        Path capture = dir.resolve(suite + ".pcap");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--suite", suite,
            "--pcap", capture.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        Path keys = dir.resolve(suite + ".pcap.keys");
        assertThat(cli.err()).contains("capture: " + capture, "tls.keylog_file:" + keys);

        assertThat(tshark(capture, keys, "tls.handshake.type", "tls.handshake.type"))
            .as("ClientHello, ServerHello, ..., both Finished messages decrypted").contains("1", "2", "11", "16", "20");
        assertThat(tshark(capture, keys, "http.request", "http.request.method", "http.request.uri", "http.host").strip())
            .isEqualTo("GET\t/\t127.0.0.1:" + serve.port());
        assertThat(tshark(capture, keys, "http.response", "http.response.code").strip()).isEqualTo("200");
    }

    @Test
    void tsharkDecryptsATls13RequestWithTheTrafficSecrets() throws Exception {
        Path capture = dir.resolve("tls13.pcap");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--tls1.3",
            "--suite", "TLS_AES_256_GCM_SHA384", "--pcap", capture.toString(), "--key-update");
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        Path keys = dir.resolve("tls13.pcap.keys");

        assertThat(tshark(capture, keys, "tls.handshake.type", "tls.handshake.type").lines()
                .flatMap(line -> Stream.of(line.split(","))).toList())
            .as("ClientHello and ServerHello in the clear; EncryptedExtensions, Certificate, CertificateVerify, both "
                + "Finished, the tickets and KeyUpdates decrypted")
            .contains("1", "2", "8", "11", "15", "20", "4", "24");
        assertThat(tshark(capture, keys, "http.request", "http.request.method", "http.request.uri", "http.host").strip())
            .isEqualTo("GET\t/\t127.0.0.1:" + serve.port());
        assertThat(tshark(capture, keys, "http.response", "http.response.code").strip()).isEqualTo("200");
        assertThat(tshark(capture, null, "http", "http.request.method")).as("nothing readable without the keys").isBlank();
    }

    @Test
    void theCaptureIsWellFormedTcp() throws Exception {
        Path capture = dir.resolve("tcp.pcap");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--pcap", capture.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();

        String flags = tshark(capture, null, "tcp", "tcp.flags.str");
        assertThat(flags.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).contains("S"));
        assertThat(flags).contains("F");
        Program problems = Program.run(dir, TSHARK_LIMIT, List.of("tshark", "-r", capture.toString(),
            "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
            "-Y", "ip.checksum.status == \"Bad\" || tcp.checksum.status == \"Bad\" || tcp.analysis.flags"));
        assertThat(problems.exitCode()).as(problems.err()).isZero();
        assertThat(problems.out()).as("packets with bad checksums or TCP analysis warnings").isBlank();
    }

    @Test
    void theServerCapturesItsConnectionsToo() throws Exception {
        Path keys = dir.resolve("server-side.keys");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--keylog", keys.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        serve.awaitLog("TLS 1.3");

        assertThat(Files.readString(keys)).startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET ").contains("\nCLIENT_TRAFFIC_SECRET_0 ");
        assertThat(tshark(serverCapture, keys, "http.request", "http.request.uri")).contains("/");
    }

    /** The fields of the packets that match {@code filter}, one line per packet, tab-separated. */
    private static String tshark(Path capture, Path keys, String filter, String... fields) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("tshark", "-r", capture.toString()));
        if (keys != null) {
            command.addAll(List.of("-o", "tls.keylog_file:" + keys));
        }
        command.addAll(List.of("-Y", filter, "-T", "fields"));
        for (String field : fields) {
            command.addAll(List.of("-e", field));
        }
        Program tshark = Program.run(dir, TSHARK_LIMIT, command);
        assertThat(tshark.exitCode()).as("%s%n%s", String.join(" ", command), tshark.err()).isZero();
        return tshark.out();
    }
}
