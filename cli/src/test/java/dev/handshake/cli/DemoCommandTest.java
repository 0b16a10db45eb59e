package dev.handshake.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoExplainsOneHandshakePerKeyExchangeAndWritesReportsAndACapture() throws Exception {
        Cli cli = Cli.run("demo", "--out", dir.toString());

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out())
            .contains("root CA", "intermediate", "CN=Handshake Demo Root CA", "issued by CN=Handshake Demo Intermediate CA")
            .containsSubsequence("[1/4] RSA key exchange", "ClientKeyExchange", "encrypted pre-master secret",
                "[2/4] DHE", "ServerKeyExchange", "prime p",
                "[3/4] ECDHE", "curve                  x25519",
                "[4/4] ECDHE with False Start", "False Start sent it with the client's Finished")
            .containsPattern("RSA key exchange +7 +2 +no +TLS_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("DHE: finite-field Diffie-Hellman, signed with RSA +8 +2 +yes +TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("ECDHE with False Start \\(RFC 7918\\) +8 +1 +yes +TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
            .contains("capture: " + dir.resolve("handshakes.pcap"), "tls.keylog_file:" + dir.resolve("handshakes.keys"))
            .contains("All 4 handshakes succeeded.")
            .doesNotContain("TLS 1.3");
        assertThat(cli.out().split("HTTP: HTTP/1\\.1 200 OK", -1)).hasSize(5);
        for (String report : new String[] {"1-rsa.html", "2-dhe.html", "3-ecdhe.html", "4-false-start.html"}) {
            assertThat(cli.out()).contains("report: " + dir.resolve(report));
            assertThat(Files.readString(dir.resolve(report))).contains("id=\"diagram\"", "\"flights\":[")
                .doesNotContainPattern("(src|href)\\s*=|url\\((?!#)|@import");
        }
        assertThat(Files.readAllLines(dir.resolve("handshakes.keys"))).hasSize(4).allMatch(line -> line.startsWith("CLIENT_RANDOM "));
        assertThat(Files.size(dir.resolve("handshakes.pcap"))).isGreaterThan(24);
    }
}
