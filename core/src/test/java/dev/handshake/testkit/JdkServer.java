package dev.handshake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The JDK's TLS as a server on 127.0.0.1 and a port the system picked, one thread per connection,
 * behaving like {@code openssl s_server -rev}: answers each line with the line reversed; a line
 * "CLOSE" makes it send close_notify first; a client's close_notify is answered with close_notify.
 * Each connection, once ended, is reported as a {@link Connection}.
 */
public final class JdkServer implements AutoCloseable {

    /** What one connection negotiated and how it ended. */
    public record Connection(String protocol, String cipherSuite, String applicationProtocol,
            Optional<String> clientCertificate, boolean receivedCloseNotify, Optional<String> failure) {
    }

    private final SSLContext context;
    private final Consumer<SSLParameters> configuration;
    private final ServerSocket serverSocket;
    private final BlockingQueue<Connection> ended = new LinkedBlockingQueue<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private JdkServer(SSLContext context, Consumer<SSLParameters> configuration) throws IOException {
        this.context = context;
        this.configuration = configuration;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        startThread(this::acceptConnections, "JdkServer accept");
    }

    /** Starts serving; e.g. {@code parameters -> parameters.setNeedClientAuth(true)}. */
    public static JdkServer start(SSLContext context, Consumer<SSLParameters> configuration) {
        try {
            return new JdkServer(context, configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1", e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The next connection to have ended, in the order they ended; waits at most {@link Waits#TIMEOUT}. */
    public Connection awaitConnection() {
        try {
            Connection connection = ended.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (connection == null) {
                throw new AssertionError("no connection to the JDK server ended within "
                    + Waits.TIMEOUT.toSeconds() + " s");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
            for (Socket socket : sockets) {
                socket.close();
            }
            for (Thread thread : threads) {
                thread.join(Waits.TIMEOUT.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                startThread(() -> serve(socket), "JdkServer connection " + socket.getPort());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            JdkConnection connection = JdkConnection.accept(socket, context, configuration);
            for (String line = connection.readLine(); line != null && !line.equals("CLOSE");
                    line = connection.readLine()) {
                connection.write(new StringBuilder(line).reverse() + "\n");
            }
            connection.close();
            ended.add(new Connection(connection.protocol(), connection.cipherSuite(),
                connection.applicationProtocol(), clientCertificate(connection), connection.receivedCloseNotify(),
                connection.failure().map(Throwable::toString)));
        } catch (IOException | RuntimeException | AssertionError e) {
            ended.add(new Connection("", "", "", Optional.empty(), false, Optional.of(e.toString())));
        } finally {
            sockets.remove(socket);
        }
    }

    private static Optional<String> clientCertificate(JdkConnection connection) {
        try {
            return Optional.of(connection.session().getPeerPrincipal().getName());
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private void startThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }
}
