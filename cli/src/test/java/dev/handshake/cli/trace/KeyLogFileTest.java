package dev.handshake.cli.trace;

import dev.handshake.tls.trace.TlsEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyLogFileTest {

    private static final byte[] RANDOM = new byte[32];

    private static TlsEvent.Secret secret(String name) {
        return new TlsEvent.Secret(name, "how", RANDOM, new byte[] {1, 2, 3});
    }

    @Test
    void namesTheSecretsOfTls12AndTls13AsWiresharkReadsThem() {
        String random = "00".repeat(32);
        assertThat(KeyLogFile.line(secret("master_secret"), false)).isEqualTo("CLIENT_RANDOM " + random + " 010203");
        assertThat(KeyLogFile.line(secret("client_handshake_traffic_secret"), true)).startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + random);
        assertThat(KeyLogFile.line(secret("server_handshake_traffic_secret"), true)).startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET ");
        assertThat(KeyLogFile.line(secret("client_application_traffic_secret_0"), true)).startsWith("CLIENT_TRAFFIC_SECRET_0 ");
        assertThat(KeyLogFile.line(secret("server_application_traffic_secret_0"), true)).startsWith("SERVER_TRAFFIC_SECRET_0 ");
        assertThat(KeyLogFile.line(secret("exporter_master_secret"), true)).startsWith("EXPORTER_SECRET ");
        assertThat(KeyLogFile.line(secret("pre_master_secret"), false)).isNull();
        assertThat(KeyLogFile.line(secret("client_write_key"), false)).isNull();
        assertThat(KeyLogFile.line(secret("master_secret"), true)).as("TLS 1.3's master secret").isNull();
    }

    @Test
    void appendsOneLinePerSecretToWhatTheFileHeld(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("keys.log"), "# earlier\n");
        try (KeyLogFile log = KeyLogFile.open(file, new PrintWriter(new StringWriter()))) {
            ConnectionTrace trace = new ConnectionTrace(Side.CLIENT, 1, Clock.systemUTC(), List.of(log));
            trace.onEvent(secret("pre_master_secret"));
            trace.onEvent(secret("master_secret"));
            assertThat(Files.readAllLines(file)).hasSize(2);
            trace.onEvent(secret("client_handshake_traffic_secret"));
        }

        assertThat(Files.readAllLines(file)).containsExactly("# earlier", "CLIENT_RANDOM " + "00".repeat(32) + " 010203",
            "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + "00".repeat(32) + " 010203");
    }
}
