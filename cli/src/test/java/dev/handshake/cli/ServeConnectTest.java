package dev.handshake.cli;

import dev.handshake.io.TlsSocket;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.TlsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect} against {@code serve}, both in-process. */
@Timeout(120)
class ServeConnectTest {

    @TempDir
    static Path dir;
    static TestPki files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.writeTo(dir);
        serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
            "--cert", files.ecChain().toString(), "--key", files.ecKey().toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void connectPrintsTheResponseHeadAndWhatWasNegotiated() throws InterruptedException {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(),
            "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--group", "x25519");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).startsWith("HTTP/1.1 200 OK\n")
            .contains("Content-Length: ", "Connection: close")
            .containsPattern("protocol +TLS 1\\.2")
            .containsPattern("cipher suite +TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
            .containsPattern("group +x25519")
            .containsPattern("ALPN +none");
        serve.awaitLog("TLS 1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 x25519");
    }

    @Test
    void tls13IsNegotiatedByDefault() throws InterruptedException {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString());

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).containsPattern("protocol +TLS 1\\.3").containsPattern("cipher suite +TLS_AES_128_GCM_SHA256")
            .containsPattern("group +x25519").containsPattern("signature +(rsa_pss_rsae|ecdsa)_");
        assertThat(serve.log()).contains("versions: TLS 1.3, TLS 1.2", "suites: TLS_AES_128_GCM_SHA256, "
            + "TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        serve.awaitLog("TLS 1.3 TLS_AES_128_GCM_SHA256 x25519");
    }

    @Test
    void versionSwitchesRestrictToOneVersion() {
        Cli tls12 = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--tls1.2");
        Cli tls13 = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--tls1.3",
            "--suite", "TLS_CHACHA20_POLY1305_SHA256", "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "--group", "secp384r1");

        assertThat(tls12.exitCode()).as(tls12.all()).isZero();
        assertThat(tls12.out()).containsPattern("protocol +TLS 1\\.2").containsPattern("cipher suite +TLS_ECDHE_");
        assertThat(tls13.exitCode()).as(tls13.all()).isZero();
        assertThat(tls13.out()).containsPattern("protocol +TLS 1\\.3")
            .containsPattern("cipher suite +TLS_CHACHA20_POLY1305_SHA256").containsPattern("group +secp384r1");
    }

    @Test
    void versionSwitchesExcludeEachOtherAndNeedASuiteOfTheirVersion() {
        Cli both = Cli.run("connect", serve.address(), "--insecure", "--tls1.2", "--tls1.3");
        Cli noSuite = Cli.run("connect", serve.address(), "--insecure", "--tls1.3",
            "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--tls1.2 and --tls1.3 exclude each other");
        assertThat(noSuite.exitCode()).isEqualTo(2);
        assertThat(noSuite.err()).contains("--tls1.3 needs a TLS 1.3 suite, and the --suite options name none",
            "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void aTls12OnlyServerRefusesATls13OnlyClient() throws InterruptedException {
        try (RunningServe tls12 = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
                "--tls1.2")) {
            assertThat(tls12.log()).contains("versions: TLS 1.2").doesNotContain("TLS_AES_");
            Cli cli = Cli.run("connect", tls12.address(), "--trust", files.root().toString(), "--tls1.3");

            assertThat(cli.exitCode()).as(cli.all()).isEqualTo(1);
            assertThat(cli.err()).contains("the peer sent alert protocol_version");
            tls12.awaitLog("we sent alert protocol_version");
        }
    }

    @Test
    void everyKeyExchangeAndBothCertificateTypes() {
        String[][] cases = {
            {"TLS_RSA_WITH_AES_256_GCM_SHA384", "secp256r1", "none (RSA key transport)", "rsa"},
            {"TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ffdhe3072", "ffdhe3072", "rsa"},
            {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "secp384r1", "secp384r1", "rsa"},
            {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "secp256r1", "secp256r1", "ec"},
        };
        for (String[] c : cases) {
            Path trust = files.root();
            Cli cli = Cli.run("connect", serve.address(), "--trust", trust.toString(), "--suite", c[0], "--group", c[1]);

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).contains("HTTP/1.1 200 OK").contains(c[0]).containsPattern("group +" + Pattern.quote(c[2]));
        }
    }

    @Test
    void falseStartSendsTheRequestEarly() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(),
            "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--false-start");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).contains("HTTP/1.1 200 OK").containsPattern("False Start +yes");
    }

    @Test
    void servernameIsSentAsSni() throws InterruptedException {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(),
            "--servername", "localhost", "--alpn", "http/1.1");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        serve.awaitLog("SNI localhost");
    }

    @Test
    void insecureConnectsWithALoudWarning() {
        Cli cli = Cli.run("connect", serve.address(), "--insecure");

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.err()).contains("WARNING", "NOT checked");
        assertThat(cli.out()).contains("HTTP/1.1 200 OK");
    }

    @Test
    void withoutTrustTheSystemTrustStoreDecides() {
        Cli cli = Cli.run("connect", serve.address());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("we sent alert unknown_ca");
    }

    @Test
    void aCertificateThatIsNotTrustedFailsWithTheAlertWeSent() {
        Cli cli = Cli.run("connect", serve.address(), "--pin", files.ecCert().toString(),
            "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("we sent alert bad_certificate", "not one of the pinned certificates");
    }

    @Test
    void anAlertFromTheServerIsReportedAsTheServers() throws InterruptedException {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(),
            "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--group", "ffdhe2048");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("the peer sent alert handshake_failure");
        serve.awaitLog("we sent alert handshake_failure");
    }

    @Test
    void unknownNamesAreUsageErrorsThatListTheValidOnes() {
        Cli suite = Cli.run("connect", serve.address(), "--insecure", "--suite", "TLS_RSA_WITH_RC4_128_SHA");
        Cli group = Cli.run("connect", serve.address(), "--insecure", "--group", "ffdhe1024");

        assertThat(suite.exitCode()).isEqualTo(2);
        assertThat(suite.err()).contains("unknown cipher suite 'TLS_RSA_WITH_RC4_128_SHA'",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("unknown group 'ffdhe1024'", "x25519, secp256r1, secp384r1, ffdhe2048, ffdhe3072");
    }

    @Test
    void anUnreadableTrustFileIsAUsageError() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", dir.resolve("missing.pem").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("missing.pem");
    }

    @Test
    void aClosedPortIsANetworkError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli cli = Cli.run("connect", "127.0.0.1:" + closedPort, "--insecure");

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("network error");
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnectionUntilConnectionClose() throws Exception {
        TlsConfig config = TlsConfig.builder().certificateVerifier(CertificateVerifier.INSECURE_ACCEPT_ANY).build();
        try (TlsSocket tls = TlsSocket.connect("127.0.0.1", serve.port(), config)) {
            tls.socket().setSoTimeout(10_000);
            OutputStream out = tls.getOutputStream();
            InputStream in = new BufferedInputStream(tls.getInputStream());
            for (int i = 0; i < 3; i++) {
                out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                HttpHead head = HttpHead.read(in);
                assertThat(head.startLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(head.header("Connection")).isEqualTo("keep-alive");
                assertThat(new String(in.readNBytes(Integer.parseInt(head.header("Content-Length"))), StandardCharsets.UTF_8))
                    .contains("cipher suite: " + tls.session().cipherSuite());
            }
            out.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
                .getBytes(StandardCharsets.ISO_8859_1));
            HttpHead last = HttpHead.read(in);
            assertThat(last.startLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(last.header("Connection")).isEqualTo("close");
            in.skipNBytes(Integer.parseInt(last.header("Content-Length")));
            assertThat(in.read()).as("close_notify after Connection: close").isEqualTo(-1);
        }
    }
}
