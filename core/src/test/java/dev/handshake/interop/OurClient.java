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

    /** A page the server sent before it closed, e.g. s_server -www's status page. */
    record Page(Session session, String text, boolean serverClosedCleanly) {
    }

    private OurClient() {
    }

    static Exchange reverse(int port, TlsConfig config, String line) throws IOException {
        return exchange(port, config, line);
    }

    /** Sends a line, reads one back (reversed by s_server -rev, echoed by gnutls-serv --echo), then closes. */
    static Exchange exchange(int port, TlsConfig config, String line) throws IOException {
        try (Conversation conversation = Conversation.open(port, config)) {
            String reply = conversation.exchange(line);
            return new Exchange(conversation.session(), reply, conversation.closeAndAwaitPeer());
        }
    }

    /** Sends the request and reads everything until the server closes (close_notify), e.g. an HTTP/1.0 GET. */
    static Page get(int port, TlsConfig config, String request) throws IOException {
        try (TlsSocket tls = TlsSocket.connect("localhost", port, config)) {
            tls.socket().setSoTimeout(10_000);
            tls.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            byte[] page = tls.getInputStream().readAllBytes();
            return new Page(tls.session(), new String(page, StandardCharsets.UTF_8), tls.connection().isPeerClosed());
        }
    }

    /** A connection of ours to a line-oriented server, line by line, with KeyUpdates on demand. */
    static final class Conversation implements AutoCloseable {

        private final TlsSocket tls;

        private Conversation(TlsSocket tls) {
            this.tls = tls;
        }

        static Conversation open(int port, TlsConfig config) throws IOException {
            TlsSocket tls = TlsSocket.connect("localhost", port, config);
            tls.socket().setSoTimeout(10_000);
            return new Conversation(tls);
        }

        Session session() {
            return tls.session();
        }

        void write(String line) throws IOException {
            tls.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        /** The next line without its "\n"; what was read before the end if the server closed. */
        String readLine() throws IOException {
            return OurClient.readLine(tls.getInputStream());
        }

        String exchange(String line) throws IOException {
            write(line);
            return readLine();
        }

        /** Sends KeyUpdate now (RFC 8446 §4.6.3) and switches to new write keys. */
        void updateKeys(boolean requestPeerUpdate) throws IOException {
            tls.connection().updateKeys(requestPeerUpdate);
            tls.getOutputStream().flush();
        }

        /** Sends close_notify, then reads to the end: true if the server answered with its own close_notify. */
        boolean closeAndAwaitPeer() throws IOException {
            tls.shutdownOutput();
            return tls.getInputStream().read() == -1 && tls.connection().isPeerClosed();
        }

        @Override
        public void close() throws IOException {
            tls.close();
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
