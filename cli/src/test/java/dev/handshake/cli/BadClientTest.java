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
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that are not TLS, or too slow, or silent: each costs one log line, never the server. */
@Timeout(120)
class BadClientTest {

    @TempDir
    static Path dir;
    static TestPki files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.writeTo(dir);
        serve = RunningServe.start("--cert", files.rsaChain().toString(), "--key", files.rsaKey().toString(),
            "--read-timeout", "1");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void garbageIsAnsweredWithAnAlertAndLogged() throws Exception {
        byte[] garbage = new byte[5 + 64];
        new Random(7).nextBytes(garbage);
        System.arraycopy(new byte[] {0x16, 0x03, 0x03, 0x00, 0x40}, 0, garbage, 0, 5);
        try (Socket socket = connect()) {
            socket.getOutputStream().write(garbage);
            assertThat(socket.getInputStream().readAllBytes()).as("a fatal alert record").startsWith((byte) 0x15);
        }
        serve.awaitLog("failed: we sent alert");
        assertServerStillServes();
    }

    @Test
    void plainHttpIsRefusedWithAnAlert() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(socket.getInputStream().readAllBytes()).as("a fatal alert record").startsWith((byte) 0x15);
        }
        serve.awaitLog("failed: we sent alert");
        assertServerStillServes();
    }

    @Test
    void aSilentConnectionTimesOutWithoutBlockingOthers() throws Exception {
        try (Socket idle = connect()) {
            assertServerStillServes();
            serve.awaitLog("timed out: no data for 1 s during the handshake");
            idle.getInputStream().readAllBytes();
        }
    }

    @Test
    void aTricklingClientIsCutOffAtTheDeadline() throws Exception {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, (byte) 0xF0};
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        boolean cutOff = false;
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            for (int i = 0; !cutOff && Instant.now().isBefore(giveUp); i++) {
                try {
                    out.write(i < hello.length ? hello[i] : 0);
                    out.flush();
                    Thread.sleep(300);
                } catch (IOException e) {
                    cutOff = true;
                }
                cutOff |= serve.log().contains("timed out: during the handshake for more than 2 s");
            }
        }
        assertThat(cutOff).as("the server cut the trickling client off; log:%n%s", serve.log()).isTrue();
        serve.awaitLog("timed out: during the handshake for more than 2 s");
        assertServerStillServes();
    }

    @Test
    void aMalformedHttpRequestGetsA400() throws Exception {
        TlsConfig config = TlsConfig.builder().certificateVerifier(CertificateVerifier.INSECURE_ACCEPT_ANY).build();
        try (TlsSocket tls = TlsSocket.connect("127.0.0.1", serve.port(), config)) {
            tls.getOutputStream().write("GET / HTTP/1.1\r\nbad header\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            HttpHead head = HttpHead.read(new BufferedInputStream(tls.getInputStream()));
            assertThat(head.startLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        }
        serve.awaitLog("bad HTTP request: a malformed header field: bad header");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", serve.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static void assertServerStillServes() {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out()).startsWith("HTTP/1.1 200 OK");
    }
}
