package dev.handshake.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect} against {@code openssl s_server}, and {@code openssl s_client} against {@code serve}. */
@Timeout(120)
class OpenSslInteropTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path dir;
    static TestPki files;

    @BeforeAll
    static void writeCertificates() throws Exception {
        files = TestPki.writeTo(dir);
    }

    @ParameterizedTest
    @CsvSource({
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, rsa",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, rsa",
        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, rsa",
        "TLS_RSA_WITH_AES_128_GCM_SHA256, rsa",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ec",
    })
    void connectToOpenSslServer(String suite, String key) throws Exception {
        boolean ec = key.equals("ec");
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_2", ec ? files.ecChain() : files.rsaChain(),
                ec ? files.ecKey() : files.rsaKey())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--servername", "localhost",
                "--trust", files.root().toString(), "--suite", suite);

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).startsWith("HTTP/1.0 200 ok").containsPattern("cipher suite +" + suite);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "TLS_AES_128_GCM_SHA256, x25519, rsa",
        "TLS_AES_256_GCM_SHA384, secp384r1, ec",
        "TLS_CHACHA20_POLY1305_SHA256, ffdhe2048, rsa",
    })
    void connectToOpenSslServerWithTls13(String suite, String group, String key) throws Exception {
        boolean ec = key.equals("ec");
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_3", ec ? files.ecChain() : files.rsaChain(),
                ec ? files.ecKey() : files.rsaKey())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--servername", "localhost",
                "--trust", files.root().toString(), "--suite", suite, "--group", group, "--key-update");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).startsWith("HTTP/1.0 200 ok").containsPattern("protocol +TLS 1\\.3")
                .containsPattern("cipher suite +" + suite).containsPattern("group +" + group)
                .contains("key update    sent (update_requested); the server updated its keys too");
        }
    }

    @Test
    void openSslServerAsksForAnotherKeyShare() throws Exception {
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_3", files.rsaChain(), files.rsaKey(), "-groups", "x25519")) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--servername", "localhost",
                "--trust", files.root().toString(), "--group", "secp256r1", "--group", "x25519", "--explain");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).contains("2.  HelloRetryRequest", "x25519: the group the server wants a key share for",
                "2 round trips before the client could send its request").containsPattern("group +x25519");
        }
    }

    @Test
    void falseStartAgainstOpenSsl() throws Exception {
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_2", files.rsaChain(), files.rsaKey())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--trust", files.root().toString(),
                "--group", "secp256r1", "--false-start");

            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.out()).containsPattern("group +secp256r1").containsPattern("False Start +yes");
        }
    }

    @Test
    void anUntrustedOpenSslServerFailsWithBadCertificate() throws Exception {
        try (OpenSsl server = OpenSsl.server(dir, "-tls1_2", files.rsaChain(), files.rsaKey())) {
            Cli cli = Cli.run("connect", "127.0.0.1:" + server.port(), "--pin", files.ecCert().toString());

            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.err()).contains("we sent alert bad_certificate");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ECDHE-RSA-AES128-GCM-SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "ECDHE-ECDSA-CHACHA20-POLY1305, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "DHE-RSA-AES256-GCM-SHA384, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        "AES256-GCM-SHA384, TLS_RSA_WITH_AES_256_GCM_SHA384",
    })
    void openSslClientAgainstServe(String opensslName, String suite) throws Exception {
        try (RunningServe serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
                "--cert", files.ecChain().toString(), "--key", files.ecKey().toString())) {
            String output = sClient(serve, "-cipher", opensslName);

            assertThat(output).contains("HTTP/1.1 200 OK", "cipher suite: " + suite);
            serve.awaitLog("TLS 1.2 " + suite);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "TLS_AES_128_GCM_SHA256, X25519",
        "TLS_AES_256_GCM_SHA384, P-256",
        "TLS_CHACHA20_POLY1305_SHA256, ffdhe3072",
    })
    void openSslClientAgainstServeWithTls13(String suite, String group) throws Exception {
        try (RunningServe serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
                "--explain")) {
            String output = sClient(serve, "-tls1_3", "-ciphersuites", suite, "-groups", group);

            assertThat(output).contains("HTTP/1.1 200 OK", "protocol:     TLS 1.3", "cipher suite: " + suite);
            serve.awaitLog("TLS 1.3 " + suite);
        }
    }

    @Test
    void serveAsksOpenSslForAnotherKeyShare() throws Exception {
        try (RunningServe serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
                "--explain")) {
            String output = sClient(serve, "-tls1_3", "-groups", "secp521r1:x25519");

            assertThat(output).contains("HTTP/1.1 200 OK", "group:        x25519");
            serve.awaitLog("forward secrecy");
            assertThat(serve.log()).contains("HelloRetryRequest", "The client's key share was for secp521r1");
        }
    }

    @Test
    void serveReadsPkcs1AndSec1Keys() throws Exception {
        Path rsaPkcs1 = dir.resolve("rsa-pkcs1.pem");
        Path ecSec1 = dir.resolve("ec-sec1.pem");
        try (OpenSsl rsa = OpenSsl.start(dir, "pkey", "-in", files.rsaKey().toString(), "-traditional", "-out", rsaPkcs1.toString());
             OpenSsl ec = OpenSsl.start(dir, "pkey", "-in", files.ecKey().toString(), "-traditional", "-out", ecSec1.toString())) {
            rsa.run("");
            ec.run("");
        }
        assertThat(rsaPkcs1).content().contains("BEGIN RSA PRIVATE KEY");
        assertThat(ecSec1).content().contains("BEGIN EC PRIVATE KEY");
        try (RunningServe serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", rsaPkcs1.toString(),
                "--cert", files.ecChain().toString(), "--key", ecSec1.toString())) {
            assertThat(sClient(serve, "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"))
                .contains("cipher suite: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(sClient(serve, "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"))
                .contains("cipher suite: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    /** {@code openssl s_client} with these options, TLS 1.2 unless they name a version. */
    private static String sClient(RunningServe serve, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("s_client", "-connect", serve.address(), "-servername", "localhost",
            "-quiet"));
        if (!List.of(options).contains("-tls1_3")) {
            args.add("-tls1_2");
        }
        args.addAll(List.of(options));
        try (OpenSsl client = OpenSsl.start(dir, args.toArray(String[]::new))) {
            return client.run(REQUEST);
        }
    }
}
