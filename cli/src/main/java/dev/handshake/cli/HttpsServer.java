package dev.handshake.cli;

import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.io.TlsSocket;
import dev.handshake.tls.TlsConfig;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The HTTPS server behind {@code serve} and {@code demo}: an accept loop, a bounded pool of
 * workers each running one {@link ConnectionHandler}, and a timer for their deadlines. When all
 * workers are busy, new connections wait in the kernel's backlog.
 */
final class HttpsServer implements Closeable {

    /** Connections served at once. */
    private static final int MAX_CONNECTIONS = 64;

    /** Makes the TLS side of each accepted connection. */
    interface Connections {
        /** The TLS connection over an accepted socket, and what to run when it has ended. */
        Opened open(Socket accepted) throws IOException;
    }

    record Opened(TlsSocket tls, Runnable ended) {
    }

    private final ServerSocket listener;
    private final Connections connections;
    private final Duration readTimeout;
    private final Consumer<String> log;
    private final Semaphore permits = new Semaphore(MAX_CONNECTIONS);
    private final Set<TlsSocket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(MAX_CONNECTIONS, daemon("handshake-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("handshake-timer"));
    private final Thread acceptor = daemon("handshake-accept").newThread(this::acceptLoop);
    private volatile boolean closed;

    private HttpsServer(ServerSocket listener, Connections connections, Duration readTimeout, Consumer<String> log) {
        this.listener = listener;
        this.connections = connections;
        this.readTimeout = readTimeout;
        this.log = log;
    }

    /**
     * Binds {@code listener} to {@code address:port} (port 0 picks a free one) and starts accepting.
     *
     * @param listener an unbound server socket (one that captures, for --pcap)
     * @param log receives one line per connection, from many threads
     */
    static HttpsServer start(ServerSocket listener, InetAddress address, int port, Connections connections,
                             Duration readTimeout, Consumer<String> log) throws IOException {
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        HttpsServer server = new HttpsServer(listener, connections, readTimeout, log);
        server.acceptor.start();
        return server;
    }

    /** Server connections with {@code config}, each observed by its own trace when {@code tracing} shows any. */
    static Connections traced(TlsConfig config, Tracing tracing) {
        return accepted -> {
            ConnectionTrace trace = tracing.connection();
            TlsSocket tls = TlsSocket.server(accepted, Tracing.observed(config, trace));
            return new Opened(tls, trace != null ? trace::finish : () -> { });
        };
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Waits until the server is closed. */
    void awaitClose() throws InterruptedException {
        acceptor.join();
    }

    /** Stops accepting; the accept thread then closes every open connection and stops the workers. */
    @Override
    public void close() {
        closed = true;
        acceptor.interrupt();
        try {
            listener.close();
        } catch (IOException e) {
            // The accept thread stops on its next round all the same.
        }
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                permits.acquire();
                accept();
            }
        } catch (InterruptedException e) {
            // close() stops the loop this way when every worker is busy.
        } finally {
            for (TlsSocket tls : open) {
                closeQuietly(tls);
            }
            workers.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** Accepts one connection and hands it to a worker, which gives the permit back when done. */
    private void accept() {
        Opened opened;
        try {
            opened = open(listener.accept());
        } catch (IOException | RuntimeException e) {
            permits.release();
            logUnlessClosed("cannot accept a connection: " + e.getMessage());
            return;
        }
        TlsSocket tls = opened.tls();
        open.add(tls);
        ConnectionHandler handler = new ConnectionHandler(tls, readTimeout, timer, this::logUnlessClosed);
        workers.execute(() -> {
            try {
                handler.run();
            } finally {
                open.remove(tls);
                permits.release();
                opened.ended().run();
            }
        });
    }

    private Opened open(Socket accepted) throws IOException {
        try {
            return connections.open(accepted);
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw e;
        }
    }

    /** Connections cut short by {@link #close()} are not failures worth a line. */
    private void logUnlessClosed(String line) {
        if (!closed) {
            log.accept(line);
        }
    }

    private static void closeQuietly(TlsSocket tls) {
        try {
            tls.socket().close();
        } catch (IOException e) {
            // Shutting down: a socket that cannot close is closed enough.
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
