package dev.handshake.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's TLS against OpenSSL, both ways, through the kit. */
class JdkOpenSslTest {

    @TempDir
    Path directory;

    @Test
    void jdkClientAgainstOpenSslServerTls12WithAlpnThenCleanClose() {
        TestPki pki = TestPki.of(KeyType.RSA_2048);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), directory).alpn("h2").start()) {
            JdkConnection client = JdkConnection.connect(JdkContexts.client(pki), server.port(), parameters -> {
                parameters.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
                parameters.setApplicationProtocols(new String[] {"h2"});
            });
            client.write("hello\n");

            assertThat(client.readLine()).as(server::diagnostics).isEqualTo("olleh");
            assertThat(client.protocol()).isEqualTo("TLSv1.2");
            assertThat(client.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(client.applicationProtocol()).isEqualTo("h2");
            client.close();
            assertThat(client.receivedCloseNotify()).isTrue();
            server.awaitConnectionsClosed(1);
            assertThat(server.alerts().received("close_notify")).as(server::diagnostics).isEqualTo(1);
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void openSslServerReportsAClientThatClosesWithoutCloseNotify() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), directory).start()) {
            JdkConnection client = JdkConnection.connect(JdkContexts.client(pki), server.port(), parameters -> { });
            client.write("hello\n");
            assertThat(client.readLine()).isEqualTo("olleh");

            client.closeAbruptly();

            server.awaitConnectionsClosed(1);
            assertThat(server.alerts().received("close_notify")).as(server::diagnostics).isZero();
            assertThat(server.alerts().sent("decode_error")).isEqualTo(1);
        }
    }

    @Test
    void openSslClientAgainstJdkServerTls13WithAlpn() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P384);
        try (JdkServer server = JdkServer.start(JdkContexts.server(pki),
                parameters -> parameters.setApplicationProtocols(new String[] {"h2"}))) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root()).ciphersuites("TLS_AES_128_GCM_SHA256")
                .alpn("h2").exchange("hello\n", "olleh\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("olleh\n");
            assertThat(result.cipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
            JdkServer.Connection connection = server.awaitConnection();
            assertThat(connection.protocol()).isEqualTo("TLSv1.3");
            assertThat(connection.cipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
            assertThat(connection.applicationProtocol()).isEqualTo("h2");
            assertThat(connection.receivedCloseNotify()).isTrue();
            assertThat(connection.failure()).isEmpty();
        }
    }

    @Test
    void jdkServerClosesFirstAndChecksClientCertificates() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (JdkServer server = JdkServer.start(JdkContexts.server(pki),
                parameters -> parameters.setNeedClientAuth(true))) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root()).certificate(pki.client().writePem(directory))
                .tls12().request("abc\nCLOSE\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("cba\n");
            assertThat(result.receivedCloseNotify()).isTrue();
            JdkServer.Connection connection = server.awaitConnection();
            assertThat(connection.protocol()).isEqualTo("TLSv1.2");
            assertThat(connection.clientCertificate()).get().asString()
                .contains("CN=Handshake Test Client ECDSA_P256");
        }
    }
}
