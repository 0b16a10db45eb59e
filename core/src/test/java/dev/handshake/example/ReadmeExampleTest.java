package dev.handshake.example;

import dev.handshake.io.TlsServerSocket;
import dev.handshake.io.TlsSocket;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine example in the README, run against a local HTTPS responder. Keep the two in step. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleWorks() throws Exception {
        TestPki pki = TestPki.of(KeyType.RSA_2048);
        TlsConfig serverConfig = TlsConfig.builder().credential(pki.server().credential()).build();
        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, serverConfig)) {
            CompletableFuture<Void> responder = CompletableFuture.runAsync(() -> respondOnce(server));
            int port = server.getLocalPort();
            TlsConfig config = TlsConfig.builder()
                .certificateVerifier(CertificateVerifier.pinned(List.of(pki.server().certificate())))
                .build();

            // --- README example ---
            TlsConnection tls = TlsConnection.client(config, "localhost");    // the ClientHello is queued
            ByteBuffer net = ByteBuffer.allocate(32 * 1024);
            ByteBuffer app = ByteBuffer.allocate(32 * 1024);
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port))) {
                do {                                                            // the handshake
                    while (tls.wantsWrite()) { tls.writeTls(net.clear()); channel.write(net.flip()); }
                    if (tls.isHandshaking()) { channel.read(net.clear()); tls.readTls(net.flip()); }
                } while (tls.isHandshaking());
                tls.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
                while (tls.wantsWrite()) { tls.writeTls(net.clear()); channel.write(net.flip()); }
                while (tls.read(app) != -1 && channel.read(net.clear()) != -1) { tls.readTls(net.flip()); }
                System.out.println(tls.session().cipherSuite() + "\n" + new String(app.array(), 0, app.position()));
            }
            // --- end of README example ---

            responder.join();
            assertThat(tls.session().cipherSuite().name()).isEqualTo("TLS_AES_128_GCM_SHA256");
            assertThat(new String(app.array(), 0, app.position(), StandardCharsets.US_ASCII))
                .startsWith("HTTP/1.1 200 OK").endsWith("hello from Handshake\n");
            assertThat(tls.isPeerClosed()).isTrue();
        }
    }

    private static void respondOnce(TlsServerSocket server) {
        try (TlsSocket tls = server.accept()) {
            tls.socket().setSoTimeout(10_000);
            InputStream in = tls.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    return;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String body = "hello from Handshake\n";
            tls.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
