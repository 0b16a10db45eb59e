package dev.handshake.cli;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.PemFiles;
import dev.handshake.testkit.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --keylog FILE} and the {@code SSLKEYLOGFILE} environment variable. */
@Timeout(120)
class KeyLogTest {

    @TempDir
    static Path dir;
    static PemFiles files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.of(KeyType.RSA_2048).server().writePem(dir);
        serve = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void eachTls12ConnectionAppendsTheMasterSecretUnderItsClientRandom() throws Exception {
        Path keys = dir.resolve("keys.log");
        Cli first = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--keylog", keys.toString(),
            "--json", "--tls1.2");
        Cli second = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--keylog", keys.toString(),
            "--tls1.2");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isZero();
        List<String> lines = Files.readAllLines(keys);
        assertThat(lines).hasSize(2).allMatch(line -> line.matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"));
        Matcher secret = Pattern.compile("\"name\":\"master_secret\",\"derivation\":\"(?:[^\"\\\\]|\\\\.)*\",\"clientRandom\":\"([0-9a-f]{64})\","
            + "\"value\":\"([0-9a-f]{96})\"").matcher(first.out());
        assertThat(secret.find()).as(first.out()).isTrue();
        assertThat(lines.get(0)).isEqualTo("CLIENT_RANDOM " + secret.group(1) + " " + secret.group(2));
    }

    @Test
    void tls13LogsItsFourTrafficSecretsAndTheExporterSecretUnderTheirOwnLabels() throws Exception {
        Path keys = dir.resolve("keys13.log");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--keylog", keys.toString(), "--json");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        List<String> lines = Files.readAllLines(keys);
        assertThat(lines).extracting(line -> line.split(" ")[0]).containsExactly("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
            "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(lines).allMatch(line -> line.matches("[A-Z_0]+ [0-9a-f]{64} [0-9a-f]{64}"));
        Matcher secret = Pattern.compile("\"name\":\"server_application_traffic_secret_0\",\"derivation\":"
            + "\"(?:[^\"\\\\]|\\\\.)*\",\"clientRandom\":\"([0-9a-f]{64})\",\"value\":\"([0-9a-f]{64})\"").matcher(cli.out());
        assertThat(secret.find()).as(cli.out()).isTrue();
        assertThat(lines.get(3)).isEqualTo("SERVER_TRAFFIC_SECRET_0 " + secret.group(1) + " " + secret.group(2));
    }

    @Test
    void sslKeyLogFileInTheEnvironmentIsTheDefault() throws Exception {
        Path keys = dir.resolve("from-environment.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Program connect = Program.run(dir, Duration.ofSeconds(60), Map.of("SSLKEYLOGFILE", keys.toString()),
            List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "connect", serve.address(), "--trust", files.root().toString()));

        assertThat(connect.exitCode()).as(connect.out() + connect.err()).isZero();
        assertThat(Files.readAllLines(keys)).hasSize(5).first().asString().startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET ");
    }
}
