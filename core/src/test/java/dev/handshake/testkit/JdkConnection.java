package dev.handshake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A TLS connection of the JDK over a blocking socket to 127.0.0.1. It drives an SSLEngine
 * ({@link JdkEnginePeer}) rather than an SSLSocket because SSLSocket reads a TCP close without
 * close_notify as if close_notify had come (unless the JVM-wide property
 * com.sun.net.ssl.requireCloseNotify is set); the engine tells the two apart. Reads wait at most
 * {@link Waits#TIMEOUT}.
 *
 * <pre>{@code
 * try (JdkConnection jdk = JdkConnection.connect(JdkContexts.client(pki), port, parameters -> { })) {
 *     jdk.write("hello\n");
 *     assertThat(jdk.readLine()).isEqualTo("olleh");
 * } // close(): sends close_notify, then waits for the server's
 * }</pre>
 */
public final class JdkConnection implements AutoCloseable {

    private final Socket socket;
    private final JdkEnginePeer peer;
    private final StringBuilder received = new StringBuilder();
    private boolean endOfStream;

    private JdkConnection(Socket socket, JdkEnginePeer peer) {
        this.socket = socket;
        this.peer = peer;
    }

    /**
     * Connects to 127.0.0.1:port as a client for "localhost" and runs the handshake. A failed
     * handshake does not throw: see {@link #failure()}.
     */
    public static JdkConnection connect(SSLContext context, int port, Consumer<SSLParameters> configuration) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Waits.TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect to 127.0.0.1:" + port, e);
        }
        return start(socket, JdkEnginePeer.client(context, configuration));
    }

    /** Serves an accepted socket and runs the handshake. */
    static JdkConnection accept(Socket socket, SSLContext context, Consumer<SSLParameters> configuration) {
        return start(socket, JdkEnginePeer.server(context, configuration));
    }

    private static JdkConnection start(Socket socket, JdkEnginePeer peer) {
        JdkConnection connection = new JdkConnection(socket, peer);
        try {
            socket.setSoTimeout((int) Waits.TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection.send();
        while (!peer.isHandshakeComplete() && !connection.ended()) {
            connection.receive();
        }
        return connection;
    }

    public void write(String text) {
        peer.write(text);
        send();
    }

    /** The next line of application data without its "\n"; null once the peer closed and all was read. */
    public String readLine() {
        for (int end = received.indexOf("\n"); end < 0; end = received.indexOf("\n")) {
            if (ended()) {
                return received.length() == 0 ? null : take(received.length());
            }
            receive();
        }
        String line = take(received.indexOf("\n") + 1);
        return line.substring(0, line.length() - 1);
    }

    /** All application data until the peer closes (close_notify, or the transport ends). */
    public String readToEnd() {
        while (!ended()) {
            receive();
        }
        return take(received.length());
    }

    /** Sends close_notify, waits for the peer's (or the end of the transport), then closes the socket. */
    @Override
    public void close() {
        try (socket) {
            peer.closeOutbound();
            send();
            while (!ended()) {
                receive();
            }
        } catch (IOException | UncheckedIOException e) {
            // The peer closed the transport first: nothing more to say or hear.
        }
    }

    /** Closes the TCP connection without close_notify, as a truncation attack would. */
    public void closeAbruptly() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SSLSession session() {
        return peer.session();
    }

    public String protocol() {
        return peer.session().getProtocol();
    }

    public String cipherSuite() {
        return peer.session().getCipherSuite();
    }

    public String applicationProtocol() {
        return peer.applicationProtocol();
    }

    public boolean receivedCloseNotify() {
        return peer.receivedCloseNotify();
    }

    public Optional<SSLException> failure() {
        return peer.failure();
    }

    private boolean ended() {
        return endOfStream || peer.receivedCloseNotify() || peer.failure().isPresent();
    }

    private String take(int length) {
        String text = received.substring(0, length);
        received.delete(0, length);
        return text;
    }

    private void send() {
        byte[] bytes = peer.toNetwork();
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not send to the peer", e);
        }
    }

    private void receive() {
        byte[] buffer = new byte[32 * 1024];
        int count;
        try {
            count = socket.getInputStream().read(buffer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the peer sent nothing for " + Waits.TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            count = -1; // a reset connection ends like a closed one: without close_notify
        }
        if (count < 0) {
            endOfStream = true;
            peer.endOfInput();
            return;
        }
        peer.fromNetwork(Arrays.copyOf(buffer, count));
        received.append(peer.read());
        send();
    }
}
