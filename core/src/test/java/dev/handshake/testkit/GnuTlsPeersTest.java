package dev.handshake.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** GnuTLS against OpenSSL and the JDK, both ways, through the kit. */
class GnuTlsPeersTest {

    @TempDir
    Path directory;

    @Test
    void gnutlsClientAgainstOpenSslServerTls13ClosesCleanly() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), directory).start()) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root()).exchange("hello\n", "olleh\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("olleh\n");
            assertThat(result.protocol()).isEqualTo("TLS1.3");
            assertThat(result.peerClosed()).as(result::diagnostics).isTrue();
            server.awaitConnectionsClosed(1);
            assertThat(server.alerts().received("close_notify")).as(server::diagnostics).isEqualTo(1);
        }
    }

    @Test
    void gnutlsClientAgainstOpenSslServerTls12RsaKeyExchange() {
        TestPki pki = TestPki.of(KeyType.RSA_2048);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), directory).start()) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root())
                .priority("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+RSA:-CIPHER-ALL:+AES-128-GCM")
                .exchange("abc\n", "cba\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("cba\n");
            assertThat(result.description()).isEqualTo("(TLS1.2-X.509)-(RSA)-(AES-128-GCM)");
            assertThat(server.cipherSuites()).containsExactly("AES128-GCM-SHA256");
        }
    }

    @Test
    void openSslClientAgainstGnutlsServerWithGroupAndClientCertificate() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P384);
        try (GnuTlsServer server = GnuTlsServer.builder(pki.server(), directory)
                .priority("NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP384R1")
                .requireClientCertificate().start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root()).certificate(pki.client().writePem(directory))
                .servername("localhost").exchange("hello\n", "hello\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("hello\n");
            assertThat(result.protocol()).isEqualTo("TLSv1.3");
            assertThat(server.descriptions()).as(server::diagnostics)
                .containsExactly("(TLS1.3-X.509)-(ECDHE-SECP384R1)-(ECDSA-SECP384R1-SHA384)-(AES-256-GCM)");
            assertThat(server.stdout()).contains("Given server name[1]: localhost");
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void gnutlsHttpServerNamesTheSessionThenSendsCloseNotifyAndReportsTruncation() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (GnuTlsServer server = GnuTlsServer.builder(pki.server(), directory)
                .mode(GnuTlsServer.Mode.HTTP).alpn("h2").start()) {
            JdkConnection page = JdkConnection.connect(JdkContexts.client(pki), server.port(),
                parameters -> parameters.setApplicationProtocols(new String[] {"h2"}));
            page.write("GET / HTTP/1.0\r\n\r\n");

            assertThat(page.readToEnd()).as(server::diagnostics)
                .contains("<TD>Protocol version:</TD><TD>TLS1.3</TD>");
            assertThat(page.receivedCloseNotify()).isTrue();
            assertThat(page.applicationProtocol()).isEqualTo("h2");
            JdkConnection.connect(JdkContexts.client(pki), server.port(), parameters -> { }).closeAbruptly();
            Waits.until("gnutls-serv to report the truncated connection", () -> !server.errors().isEmpty(),
                server::diagnostics);
            assertThat(server.errors()).contains("Error: The TLS connection was non-properly terminated.");
        }
    }

    @Test
    void gnutlsClientAgainstJdkServerThatClosesFirst() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (JdkServer server = JdkServer.start(JdkContexts.server(pki), parameters -> {
            parameters.setNeedClientAuth(true);
            parameters.setApplicationProtocols(new String[] {"h2"});
        })) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root()).certificate(pki.client().writePem(directory))
                .alpn("h2").request("abc\nCLOSE\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("cba\n");
            assertThat(result.peerClosed()).isTrue();
            JdkServer.Connection connection = server.awaitConnection();
            assertThat(connection.clientCertificate()).isPresent();
            assertThat(connection.applicationProtocol()).isEqualTo("h2");
            // gnutls-cli exits on the server's close_notify without answering it.
            assertThat(connection.receivedCloseNotify()).isFalse();
        }
    }

    @Test
    void gnutlsClientReportsAnUntrustedServer() throws IOException {
        Path otherPki = Files.createDirectory(directory.resolve("other"));
        try (OpenSslServer server = OpenSslServer.builder(TestPki.of(KeyType.ECDSA_P256).server(), directory)
                .start()) {
            GnuTlsClient.Result result = GnuTlsClient.to(server.port(), directory)
                .trust(TestPki.of(KeyType.ECDSA_P384).server().writePem(otherPki).root())
                .request("hello\n");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.errors()).contains("*** PKI verification of server certificate failed...");
        }
    }
}
