package dev.handshake.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** openssl s_client against openssl s_server, both driven by the kit, with TestPki certificates. */
class OpenSslPeersTest {

    @TempDir
    Path directory;

    @Test
    void tls13RoundTripThenCloseNotifyBothWays() {
        Identity identity = TestPki.of(KeyType.ECDSA_P256).server();
        try (OpenSslServer server = OpenSslServer.builder(identity, directory).start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(identity.writePem(directory).root()).servername("localhost")
                .exchange("hello\n", "olleh\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("olleh\n");
            assertThat(result.protocol()).isEqualTo("TLSv1.3");
            assertThat(result.verification()).isEqualTo("OK");
            assertThat(result.sentCloseNotify()).as(result::diagnostics).isTrue();
            server.awaitConnectionsClosed(1);
            assertThat(server.alerts().received("close_notify")).as(server::diagnostics).isEqualTo(1);
            assertThat(server.errors()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES128-GCM-SHA256", "AES128-GCM-SHA256"})
    void tls12KeyExchangesWithAnRsaCertificate(String cipher) {
        Identity identity = TestPki.of(KeyType.RSA_2048).server();
        try (OpenSslServer server = OpenSslServer.builder(identity, directory).tls12().start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(identity.writePem(directory).root()).tls12().cipher(cipher)
                .exchange("round trip\n", "pirt dnuor\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("pirt dnuor\n");
            assertThat(result.protocol()).isEqualTo("TLSv1.2");
            assertThat(result.cipherSuite()).isEqualTo(cipher);
            assertThat(server.cipherSuites()).containsExactly(cipher);
        }
    }

    @Test
    void tls12EcdsaP384WithTheP384Group() {
        Identity identity = TestPki.of(KeyType.ECDSA_P384).server();
        try (OpenSslServer server = OpenSslServer.builder(identity, directory).start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(identity.writePem(directory).root()).tls12().cipher("ECDHE-ECDSA-AES256-GCM-SHA384")
                .groups("P-384").exchange("abc\n", "cba\n");

            assertThat(result.cipherSuite()).as(result::diagnostics).isEqualTo("ECDHE-ECDSA-AES256-GCM-SHA384");
            assertThat(result.stderr()).contains("Server Temp Key: ECDH, secp384r1");
        }
    }

    @Test
    void serverClosesFirstOnCloseCommand() {
        Identity identity = TestPki.of(KeyType.ECDSA_P256).server();
        try (OpenSslServer server = OpenSslServer.builder(identity, directory).start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(identity.writePem(directory).root()).request("abc\nCLOSE\n");

            assertThat(result.received()).as(result::diagnostics).isEqualTo("cba\n");
            assertThat(result.receivedCloseNotify()).as(result::diagnostics).isTrue();
            assertThat(result.exitCode()).isZero();
        }
    }

    @Test
    void statusPageNamesTheCipherThenClosesWithCloseNotify() {
        Identity identity = TestPki.of(KeyType.ECDSA_P256).server();
        try (OpenSslServer server = OpenSslServer.builder(identity, directory)
                .mode(OpenSslServer.Mode.STATUS_PAGE).tls13().ciphersuites("TLS_CHACHA20_POLY1305_SHA256").start()) {
            OpenSslClient.Result result = OpenSslClient.to(server.port(), directory)
                .trust(identity.writePem(directory).root()).request("GET / HTTP/1.0\r\n\r\n");

            assertThat(result.received()).as(result::diagnostics)
                .startsWith("HTTP/1.0 200 ok").contains("New, TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256");
            assertThat(result.receivedCloseNotify()).isTrue();
        }
    }

    @Test
    void clientCertificateIsRequiredAndVerified() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        try (OpenSslServer server = OpenSslServer.builder(pki.server(), directory)
                .requireClientCertificate().start()) {
            OpenSslClient client = OpenSslClient.to(server.port(), directory)
                .trust(pki.server().writePem(directory).root());

            OpenSslClient.Result anonymous = client.exchange("abc\n", "cba\n");
            OpenSslClient.Result authenticated = client.certificate(pki.client().writePem(directory))
                .exchange("abc\n", "cba\n");

            assertThat(anonymous.received()).isEmpty();
            assertThat(anonymous.alerts().received("certificate_required")).isEqualTo(1);
            assertThat(anonymous.errors()).anyMatch(line -> line.contains("certificate required"));
            assertThat(server.errors()).anyMatch(line -> line.contains("peer did not return a certificate"));
            assertThat(authenticated.received()).as(authenticated::diagnostics).isEqualTo("cba\n");
            assertThat(server.stderr()).contains("Peer certificate: CN = Handshake Test Client ECDSA_P256");
        }
    }
}
