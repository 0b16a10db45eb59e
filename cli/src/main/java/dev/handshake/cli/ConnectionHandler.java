package dev.handshake.cli;

import dev.handshake.io.TlsSocket;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * One connection of {@link HttpsServer}: the handshake, then HTTP/1.1 requests answered with
 * {@code 200 OK} and a text naming what was negotiated, until the client closes or asks to.
 * Every way it can end is caught here and logged as one line; none reaches the server.
 */
final class ConnectionHandler implements Runnable {

    /** The largest request body read (and thrown away) before the connection is refused. */
    private static final int MAX_BODY = 1 << 20;

    private final TlsSocket tls;
    private final Duration readTimeout;
    /** The handshake, and then each request with its body, must arrive within this. */
    private final Duration deadlineLimit;
    private final ScheduledExecutorService timer;
    private final Consumer<String> log;
    private final String peer;
    private Deadline deadline;
    private boolean handshakeDone;

    ConnectionHandler(TlsSocket tls, Duration readTimeout, ScheduledExecutorService timer, Consumer<String> log) {
        this.tls = tls;
        this.readTimeout = readTimeout;
        this.deadlineLimit = readTimeout.multipliedBy(2);
        this.timer = timer;
        this.log = log;
        this.peer = tls.socket().getInetAddress().getHostAddress() + ":" + tls.socket().getPort();
        this.deadline = Deadline.arm(timer, tls.socket(), deadlineLimit);
    }

    @Override
    public void run() {
        try {
            tls.socket().setSoTimeout((int) readTimeout.toMillis());
            tls.handshake();
            handshakeDone = true;
            Session session = tls.session();
            log.accept(peer + "  " + TlsText.summary(session)
                + (session.serverName() != null ? "  SNI " + session.serverName() : "")
                + (session.peerCertificates().isEmpty() ? "" : "  client " + TlsText.clientCertificate(session)));
            serveRequests(session);
        } catch (TlsException e) {
            log.accept(peer + "  failed: " + TlsText.failure(e));
        } catch (IOException e) {
            logEnd(e);
        } catch (RuntimeException e) {
            log.accept(peer + "  failed: internal error: " + e);
        } finally {
            deadline.close();
            closeQuietly();
        }
    }

    private void serveRequests(Session session) throws IOException {
        InputStream in = new BufferedInputStream(tls.getInputStream());
        OutputStream out = tls.getOutputStream();
        while (true) {
            HttpHead request;
            try {
                request = HttpHead.read(in);
            } catch (ProtocolException e) {
                respond(out, "400 Bad Request", e.getMessage() + "\n", false, true);
                log.accept(peer + "  bad HTTP request: " + e.getMessage());
                return;
            }
            if (request == null) {
                return;
            }
            String[] parts = request.startLine().split(" ", -1);
            if (parts.length != 3 || !parts[2].matches("HTTP/1\\.[01]")) {
                respond(out, "400 Bad Request", "not an HTTP/1.1 request line\n", false, true);
                log.accept(peer + "  bad HTTP request line: " + request.startLine());
                return;
            }
            // RFC 9112 §9.3: HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 the reverse.
            boolean keepAlive = parts[2].equals("HTTP/1.1")
                ? !request.hasToken("Connection", "close")
                : request.hasToken("Connection", "keep-alive");
            if (!skipBody(request, in, out)) {
                return;
            }
            deadline.close();
            respond(out, "200 OK", body(session), parts[0].equals("HEAD"), !keepAlive);
            if (!keepAlive) {
                return;
            }
            deadline = Deadline.arm(timer, tls.socket(), deadlineLimit);
        }
    }

    /** Reads and drops a Content-Length body; refuses chunked or oversized ones. Returns false after refusing. */
    private boolean skipBody(HttpHead request, InputStream in, OutputStream out) throws IOException {
        if (request.header("Transfer-Encoding") != null) {
            respond(out, "501 Not Implemented", "this server takes no chunked request bodies\n", false, true);
            return false;
        }
        String length = request.header("Content-Length");
        if (length == null) {
            return true;
        }
        if (!length.matches("[0-9]{1,7}") || Integer.parseInt(length) > MAX_BODY) {
            respond(out, "413 Content Too Large", "request bodies are limited to " + MAX_BODY + " bytes\n", false, true);
            return false;
        }
        long remaining = Integer.parseInt(length);
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0 && in.read() < 0) {
                throw new EOFException("the connection ended in the middle of a request body");
            }
            remaining -= Math.max(skipped, 1);
        }
        return true;
    }

    private static String body(Session session) {
        return "Hello from Handshake.\n"
            + "protocol:     " + session.version() + "\n"
            + "cipher suite: " + session.cipherSuite() + "\n"
            + "group:        " + TlsText.group(session) + "\n"
            + "resumed:      " + (session.resumed() ? "yes, from a session ticket" : "no") + "\n"
            + "client certificate: " + TlsText.clientCertificate(session) + "\n";
    }

    private static void respond(OutputStream out, String status, String body, boolean headOnly, boolean close)
            throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + content.length + "\r\n"
            + "Connection: " + (close ? "close" : "keep-alive") + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + (headOnly ? 0 : content.length)];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        if (!headOnly) {
            System.arraycopy(content, 0, message, headBytes.length, content.length);
        }
        out.write(message);
    }

    /** A connection that ended by network error, timeout or deadline; a client that just left after the handshake is not news. */
    private void logEnd(IOException e) {
        String stage = handshakeDone ? "waiting for a request" : "during the handshake";
        if (deadline.expired()) {
            log.accept(peer + "  timed out: " + stage + " for more than " + deadlineLimit.toSeconds() + " s");
        } else if (e instanceof SocketTimeoutException) {
            log.accept(peer + "  timed out: no data for " + readTimeout.toSeconds() + " s " + stage);
        } else if (!handshakeDone) {
            log.accept(peer + "  failed " + stage + ": " + e.getMessage());
        } else if (!(e instanceof EOFException)) {
            log.accept(peer + "  failed: " + e.getMessage());
        }
    }

    /** Sends close_notify (when the connection is still healthy) and closes the socket. */
    private void closeQuietly() {
        try {
            tls.close();
        } catch (IOException e) {
            // The socket is closed either way; the way the connection ended was logged above.
        }
    }
}
