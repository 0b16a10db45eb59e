package dev.handshake.interop;

import dev.handshake.io.TlsServerSocket;
import dev.handshake.io.TlsSocket;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Handshake's own server, behaving like {@code openssl s_server -rev}: each line comes back
 * reversed; the line "CLOSE" makes the server close (close_notify) first; the client's
 * close_notify ends the connection (answered with ours). Each ended connection is reported with
 * what it negotiated and how it ended.
 */
final class OurReverseServer implements AutoCloseable {

    /** What one connection negotiated, and whether it ended with the client's close_notify. */
    record Ended(Session session, boolean clientClosedCleanly, Exception failure) {
    }

    private final TlsServerSocket serverSocket;
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private final Thread thread;

    OurReverseServer(TlsConfig config) throws IOException {
        this.serverSocket = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        this.thread = new Thread(this::serve, "OurReverseServer");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** The next ended connection; fails after 10 s. */
    Ended awaitConnection() throws InterruptedException {
        Ended connection = ended.poll(10, TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("no connection ended within 10 s");
        }
        return connection;
    }

    private void serve() {
        while (!serverSocket.serverSocket().isClosed()) {
            try (TlsSocket tls = serverSocket.accept()) {
                tls.socket().setSoTimeout(10_000);
                ended.add(reverseLines(tls));
            } catch (IOException e) {
                // The listening socket closed.
            }
        }
    }

    private static Ended reverseLines(TlsSocket tls) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = tls.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.equals("CLOSE")) {
                if (line.startsWith("UPDATE KEYS")) {
                    tls.connection().updateKeys(line.equals("UPDATE KEYS AND REQUEST"));
                }
                out.write((new StringBuilder(line).reverse() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Ended(tls.session(), tls.connection().isPeerClosed(), null);
        } catch (IOException e) {
            return new Ended(tls.session(), false, e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        serverSocket.close();
        thread.join(5_000);
    }
}
