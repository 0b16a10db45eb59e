package dev.handshake.cli;

import dev.handshake.pki.Pem;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect --client-cert/--client-key} and {@code serve --require-client-cert} /
 * {@code --request-client-cert}, with each other and with {@code openssl}, in TLS 1.3 and 1.2.
 */
@Timeout(120)
class ClientCertificateTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path dir;
    static PemFiles server;
    static PemFiles client;
    static String clientSubject;
    static RunningServe requiring;
    static RunningServe requesting;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        server = pki.server().writePem(dir);
        client = pki.client().writePem(dir);
        clientSubject = Pem.readCertificates(client.leaf()).get(0).getSubjectX500Principal().getName();
        requiring = RunningServe.start("--cert", server.chain().toString(), "--key", server.key().toString(),
            "--require-client-cert", "--client-ca", server.root().toString());
        requesting = RunningServe.start("--cert", server.chain().toString(), "--key", server.key().toString(),
            "--request-client-cert", "--client-ca", server.root().toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        requiring.close();
        requesting.close();
    }

    private static Cli connect(RunningServe serve, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", serve.address(), "--trust", server.root().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tls1.3", "--tls1.2"})
    void theServerNamesTheClientsCertificate(String version) throws InterruptedException {
        Cli cli = connect(requiring, version, "--client-cert", client.chain().toString(),
            "--client-key", client.key().toString());

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).contains("client cert   sent " + clientSubject + ", the server asked for one");
        assertThat(requiring.log()).contains("serving https://", "client certificates: required, checked against "
            + server.root());
        requiring.awaitLog((version.equals("--tls1.3") ? "TLS 1.3" : "TLS 1.2") + " ");
        requiring.awaitLog("  client " + clientSubject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tls1.3", "--tls1.2"})
    void aServerThatRequiresACertificateRefusesAClientWithout(String version) throws InterruptedException {
        Cli cli = connect(requiring, version);

        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(1);
        assertThat(cli.err()).contains(version.equals("--tls1.3") ? "the peer sent alert certificate_required"
            : "the peer sent alert handshake_failure");
        requiring.awaitLog("the client sent no certificate");
    }

    @Test
    void aServerThatOnlyRequestsACertificateServesAClientWithout() {
        Cli cli = connect(requesting);

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).contains("HTTP/1.1 200 OK",
            "client cert   none sent: the server asked for one, and no --client-cert was given");
    }

    @Test
    void theExplanationShowsTheRequestAndTheClientsProof() {
        Cli cli = connect(requesting, "--explain", "--client-cert", client.chain().toString(),
            "--client-key", client.key().toString());

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).containsSubsequence("EncryptedExtensions", "CertificateRequest", "client \u25c0\u2500\u2500\u2500 server",
            "The server asks the client for a certificate", "signature_algorithms",
            "Certificate", "CertificateVerify", "TLS 1.3, server CertificateVerify", "Finished",
            "Certificate", "client \u2500\u2500\u2500\u25b6 server", "The client's certificate, which the server asked for",
            "subject    " + clientSubject,
            "CertificateVerify", "TLS 1.3, client CertificateVerify", "Finished");
    }

    @Test
    void optionsThatDoNotGoAloneAreUsageErrors() {
        Cli keyless = connect(requiring, "--client-cert", client.chain().toString());
        Cli rootless = Cli.run("serve", "--port", "0", "--cert", server.chain().toString(), "--key", server.key().toString(),
            "--require-client-cert");
        Cli both = Cli.run("serve", "--port", "0", "--cert", server.chain().toString(), "--key", server.key().toString(),
            "--require-client-cert", "--request-client-cert", "--client-ca", server.root().toString());

        assertThat(keyless.exitCode()).isEqualTo(2);
        assertThat(keyless.err()).contains("--client-cert and --client-key go together");
        assertThat(rootless.exitCode()).isEqualTo(2);
        assertThat(rootless.err()).contains("need --client-ca ROOTS.pem");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--require-client-cert and --request-client-cert exclude each other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void connectShowsItsCertificateToOpenSsl(String version) throws Exception {
        try (OpenSsl openssl = OpenSsl.server(dir, version, server.chain(), server.key(),
                "-Verify", "1", "-CAfile", server.root().toString())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + openssl.port(), "--servername", "localhost",
                "--trust", server.root().toString(), "--client-cert", client.chain().toString(),
                "--client-key", client.key().toString());

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).contains("client cert   sent " + clientSubject);
            assertThat(openssl.output()).contains("verify return:1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void openSslShowsItsCertificateToServe(String version) throws Exception {
        try (OpenSsl openssl = OpenSsl.start(dir, "s_client", "-connect", requiring.address(), version,
                "-servername", "localhost", "-CAfile", server.root().toString(), "-quiet",
                "-cert", client.leaf().toString(), "-cert_chain", client.chain().toString(),
                "-key", client.key().toString())) {
            String output = openssl.run(REQUEST);

            assertThat(output).contains("HTTP/1.1 200 OK", "client certificate: " + clientSubject);
        }
    }
}
