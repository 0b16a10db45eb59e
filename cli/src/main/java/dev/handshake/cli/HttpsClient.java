package dev.handshake.cli;

import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.cli.trace.Summary;
import dev.handshake.io.TlsSocket;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.trace.TlsObserver;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One {@code GET /} over TLS, as {@code connect} and {@code demo} make it. */
final class HttpsClient {

    private static final int TIMEOUT_MILLIS = 10_000;

    /**
     * The server's response head and what the handshake negotiated.
     *
     * @param summary the connection so far, or null when it was not traced
     * @param keyUpdateSent whether a KeyUpdate was sent before the request (only TLS 1.3 has them)
     */
    record Response(HttpHead head, Session session, Summary summary, ConnectionFacts facts, boolean keyUpdateSent) {
    }

    private HttpsClient() {
    }

    /**
     * Connects, runs the handshake, sends {@code GET / HTTP/1.1} with {@code Connection: close}
     * and reads the response head; {@code tracing} observes and captures the connection. The
     * session tickets of TLS 1.3 come after the handshake, before the response: once the head is
     * read, the config's session cache holds them for the next connection.
     *
     * @param serverName the name sent as SNI, checked against the certificate and sent as Host
     * @param keyUpdate after a TLS 1.3 handshake, send a KeyUpdate that asks the server to update too
     */
    static Response get(HostPort address, String serverName, TlsConfig config, Tracing tracing, boolean keyUpdate)
            throws IOException {
        ConnectionTrace trace = tracing.connection();
        ConnectionFacts facts = new ConnectionFacts();
        TlsObserver observer = trace == null ? facts : event -> {
            facts.onEvent(event);
            trace.onEvent(event);
        };
        try (Socket socket = tracing.socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try (TlsSocket tls = TlsSocket.client(socket, config.toBuilder().observer(observer).build(), serverName)) {
                tls.handshake();
                Session handshaken = tls.session();
                boolean updating = keyUpdate && handshaken != null && ProtocolVersion.TLS13.equals(handshaken.version());
                if (updating) {
                    tls.connection().updateKeys(true);
                    tls.getOutputStream().flush();
                }
                String host = serverName.contains(":") ? "[" + serverName + "]" : serverName;
                String request = "GET / HTTP/1.1\r\nHost: " + host + (address.port() == 443 ? "" : ":" + address.port())
                    + "\r\nUser-Agent: handshake\r\nConnection: close\r\n\r\n";
                tls.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                HttpHead head = HttpHead.read(new BufferedInputStream(tls.getInputStream()));
                if (head == null) {
                    throw new EOFException("the server closed the connection without a response");
                }
                return new Response(head, tls.session(), trace != null ? Summary.of(trace.steps()) : null, facts, updating);
            }
        } finally {
            if (trace != null) {
                trace.finish();
            }
        }
    }
}
