package dev.handshake.cli;

import dev.handshake.cli.trace.Side;
import dev.handshake.pki.Pem;
import dev.handshake.tls.TlsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect --reconnect N} resuming TLS 1.3 sessions from tickets, against {@code serve} and
 * {@code openssl s_server}, and {@code serve --ticket-keys} sharing ticket keys between servers.
 */
@Timeout(120)
class ResumptionTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path dir;
    static TestPki files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.writeTo(dir);
        serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void reconnectResumesTheFirstSessionEachTime() throws InterruptedException {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--reconnect", "3");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).containsPattern("protocol +TLS 1\\.3").containsPattern("resumed +no")
            .containsPattern("tickets +2 received")
            .contains("reconnect 1: resumed (TLS 1.3, TLS_AES_128_GCM_SHA256, x25519); HTTP/1.1 200 OK",
                "reconnect 2: resumed", "reconnect 3: resumed");
        serve.awaitLog("TLS 1.3 TLS_AES_128_GCM_SHA256 x25519 resumed");
    }

    @Test
    void tls12HasNoResumptionHere() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--tls1.2", "--reconnect", "1");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).doesNotContain("tickets")
            .contains("reconnect 1: not resumed: TLS 1.2 has no resumption here (Handshake resumes TLS 1.3 sessions)");
    }

    @Test
    void reconnectTakesZeroToAHundred() {
        Cli cli = Cli.run("connect", serve.address(), "--insecure", "--reconnect", "-1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--reconnect takes 0 to 100");
    }

    @Test
    void serversSharingATicketKeyFileResumeEachOthersSessions() throws Exception {
        Path keyFile = dir.resolve("ticket.keys");
        String[] options = {"--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
            "--ticket-keys", keyFile.toString()};
        try (RunningServe first = RunningServe.start(options); RunningServe second = RunningServe.start(options)) {
            assertThat(first.log()).contains("ticket keys: " + keyFile);
            TlsConfig client = TlsConfig.builder().certificateVerifier(TrustOptions.trusting(List.of(pkiRoot()))).build();

            HttpsClient.Response atFirst = get(first, client);
            HttpsClient.Response atSecond = get(second, client);
            HttpsClient.Response elsewhere = get(serve, client);

            assertThat(atFirst.session().resumed()).isFalse();
            assertThat(atSecond.session().resumed()).as("a ticket from the first server, opened by the second").isTrue();
            assertThat(ConnectCommand.resumption(elsewhere))
                .isEqualTo("not resumed: the server did a full handshake (it did not accept the ticket)");
            second.awaitLog("resumed");
        }
        assertThat(Files.readString(keyFile)).startsWith("# Handshake session ticket keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aTicketKeyFileInAMissingDirectoryIsAUsageError() {
        Cli cli = Cli.run("serve", "--port", "0", "--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
            "--ticket-keys", dir.resolve("missing/ticket.keys").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("cannot use the ticket key file", "its directory does not exist");
    }

    @Test
    void reconnectResumesWithOpenSsl() throws Exception {
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_3", files.rsaChain(), files.rsaKey())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--servername", "localhost",
                "--trust", files.root().toString(), "--reconnect", "2");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).containsPattern("protocol +TLS 1\\.3")
                .contains("reconnect 1: resumed (TLS 1.3", "reconnect 2: resumed (TLS 1.3");
        }
    }

    @Test
    void withoutTicketsFromOpenSslNothingResumes() throws Exception {
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_3", files.rsaChain(), files.rsaKey(), "-num_tickets", "0")) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--servername", "localhost",
                "--trust", files.root().toString(), "--reconnect", "1");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).containsPattern("tickets +0 received")
                .contains("reconnect 1: not resumed: no ticket was received");
        }
    }

    @Test
    void openSslClientResumesAServeSession() throws Exception {
        Path session = dir.resolve("openssl-session.pem");
        String first = sClient("-sess_out", session.toString());
        String second = sClient("-sess_in", session.toString());

        assertThat(first).contains("New, TLSv1.3", "resumed:      no");
        assertThat(second).contains("Reused, TLSv1.3", "resumed:      yes, from a session ticket");
    }

    private String sClient(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("s_client", "-connect", serve.address(), "-tls1_3",
            "-servername", "localhost", "-CAfile", files.root().toString(), "-ign_eof"));
        args.addAll(List.of(options));
        try (OpenSsl client = OpenSsl.start(dir, args.toArray(String[]::new))) {
            return client.run(REQUEST);
        }
    }

    private static HttpsClient.Response get(RunningServe server, TlsConfig config) throws Exception {
        Tracing none = Tracing.none(Side.CLIENT, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
        return HttpsClient.get(new HostPort("127.0.0.1", server.port()), "localhost", config, none, false);
    }

    private static X509Certificate pkiRoot() throws Exception {
        return Pem.readCertificates(files.root()).get(0);
    }
}
