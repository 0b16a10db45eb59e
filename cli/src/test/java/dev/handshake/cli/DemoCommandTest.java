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
            .containsSubsequence("[1/5] RSA key exchange", "ClientKeyExchange", "encrypted pre-master secret",
                "[2/5] DHE", "ServerKeyExchange", "prime p",
                "[3/5] ECDHE", "curve                  x25519",
                "[4/5] ECDHE with False Start", "False Start sent it with the client's Finished",
                "[5/5] TLS 1.3", "key_share", "x25519: client's public value", "ServerHello", "x25519: server's public value",
                "Key schedule", "handshake_secret", "EncryptedExtensions", "Certificate", "CertificateVerify",
                "TLS 1.3, server CertificateVerify", "Finished", "Finished", "== Handshake complete: TLS 1.3",
                "NewSessionTicket", "1 round trip before the client could send its request: TLS 1.3")
            .containsPattern("RSA key exchange +7 +2 +no +TLS_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("DHE: finite-field Diffie-Hellman, signed with RSA +8 +2 +yes +TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("ECDHE with False Start \\(RFC 7918\\) +8 +1 +yes +TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("TLS 1\\.3: one round trip, encrypted after ServerHello +7 +1 +yes +TLS_AES_128_GCM_SHA256")
            .contains("capture: " + dir.resolve("handshakes.pcap"), "tls.keylog_file:" + dir.resolve("handshakes.keys"))
            .contains("All 5 handshakes succeeded.");
        assertThat(cli.out().split("HTTP: HTTP/1\\.1 200 OK", -1)).hasSize(6);
        for (String report : new String[] {"1-rsa.html", "2-dhe.html", "3-ecdhe.html", "4-false-start.html", "5-tls13.html"}) {
            assertThat(cli.out()).contains("report: " + dir.resolve(report));
            assertThat(Files.readString(dir.resolve(report))).contains("id=\"diagram\"", "\"flights\":[")
                .doesNotContainPattern("(src|href)\\s*=|url\\((?!#)|@import");
        }
        assertThat(Files.readAllLines(dir.resolve("handshakes.keys"))).extracting(line -> line.split(" ")[0])
            .containsExactly("CLIENT_RANDOM", "CLIENT_RANDOM", "CLIENT_RANDOM", "CLIENT_RANDOM",
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(Files.size(dir.resolve("handshakes.pcap"))).isGreaterThan(24);
    }
}
