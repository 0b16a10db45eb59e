package dev.handshake.interop;

import dev.handshake.io.TlsSocket;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Handshake's client talking to a line-reversing server: one line, then a clean close both ways. */
final class OurClient {

    /** What the exchange showed. */
    record Exchange(Session session, String reply, boolean serverAnsweredCloseNotify) {
    }

    private OurClient() {
    }

    static Exchange reverse(int port, TlsConfig config, String line) throws IOException {
        try (TlsSocket tls = TlsSocket.connect("localhost", port, config)) {
            tls.socket().setSoTimeout(10_000);
            tls.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            String reply = readLine(tls.getInputStream());
            tls.shutdownOutput();
            boolean answered = tls.getInputStream().read() == -1 && tls.connection().isPeerClosed();
            return new Exchange(tls.session(), reply, answered);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
