package dev.handshake.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DemoCommandTest {

    @Test
    void demoRunsOneHandshakePerKeyExchangeAndExplainsEach() {
        Cli cli = Cli.run("demo");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out())
            .contains("Certificates, made now and thrown away at exit:", "root CA", "intermediate",
                "server (RSA)", "server (EC)", "for localhost and 127.0.0.1")
            .contains("[1/5] RSA key exchange", "[2/5] DHE", "[3/5] ECDHE", "[4/5] ECDHE, signed with ECDSA",
                "[5/5] ECDHE with False Start")
            .contains("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
            .contains("key exchange DHE + signature RSA + cipher AES_128_GCM + hash SHA256")
            .containsPattern("forward secrecy +no")
            .containsPattern("False Start +yes")
            .contains("All 5 handshakes succeeded.");
        assertThat(cli.out().split("HTTP +HTTP/1\\.1 200 OK", -1)).hasSize(6);
        assertThat(cli.out().split("forward secrecy +yes", -1)).hasSize(5);
    }
}
