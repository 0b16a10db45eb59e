package dev.handshake.io;

import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsConnection;
import dev.handshake.tls.TlsException;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * A blocking TLS connection over a {@link Socket}: the sans-IO {@link TlsConnection} driven by
 * socket reads and writes. One thread may read while another writes.
 *
 * <pre>{@code
 * try (TlsSocket tls = TlsSocket.connect("localhost", 8443, config)) {
 *     tls.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
 *     tls.getInputStream().transferTo(System.out);
 * }
 * }</pre>
 */
public final class TlsSocket implements Closeable {

    private static final int READ_CHUNK = 16 * 1024 + 512;

    private final Socket socket;
    private final TlsConnection connection;
    private final InputStream socketIn;
    private final OutputStream socketOut;
    private final Object engineLock = new Object();
    private final Object writeLock = new Object();
    private final byte[] readBuffer = new byte[READ_CHUNK];
    private final ByteBuffer outBuffer = ByteBuffer.allocate(READ_CHUNK + 1024);
    private final InputStream in = new TlsInputStream();
    private final OutputStream out = new TlsOutputStream();
    private boolean socketEof;

    private TlsSocket(Socket socket, TlsConnection connection) throws IOException {
        this.socket = socket;
        this.connection = connection;
        this.socketIn = socket.getInputStream();
        this.socketOut = socket.getOutputStream();
    }

    /** Connects to {@code host:port}, checks the server as {@code host}, and completes the handshake. */
    public static TlsSocket connect(String host, int port, TlsConfig config) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            TlsSocket tls = client(socket, config, host);
            tls.handshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A client over a connected socket; the handshake runs on {@link #handshake()} or first use. */
    public static TlsSocket client(Socket socket, TlsConfig config, String serverName) throws IOException {
        return new TlsSocket(socket, TlsConnection.client(config, serverName));
    }

    /** A server over an accepted socket; the handshake runs on {@link #handshake()} or first use. */
    public static TlsSocket server(Socket socket, TlsConfig config) throws IOException {
        return new TlsSocket(socket, TlsConnection.server(config));
    }

    /**
     * Runs the handshake until the application may write: until it completes, or with False Start
     * until the client's Finished is sent.
     */
    public void handshake() throws IOException {
        while (true) {
            synchronized (engineLock) {
                sendPending();
                if (connection.canWrite() || !connection.isHandshaking()) {
                    return;
                }
            }
            if (!readRecords()) {
                throw new EOFException("the peer closed the TCP connection during the handshake");
            }
        }
    }

    /** What the handshake negotiated, or {@code null} before it completed. */
    public Session session() {
        synchronized (engineLock) {
            return connection.session();
        }
    }

    public TlsConnection connection() {
        return connection;
    }

    public Socket socket() {
        return socket;
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    /**
     * Sends close_notify but keeps reading: the peer's remaining data and its own close_notify
     * (which ends the input stream) can still arrive.
     */
    public void shutdownOutput() throws IOException {
        synchronized (engineLock) {
            connection.close();
            sendPending();
        }
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            synchronized (engineLock) {
                connection.close();
                sendPending();
            }
        } catch (IOException e) {
            // The peer may already be gone; closing the socket is all that is left.
        } finally {
            socket.close();
        }
    }

    /** Reads from the socket once and feeds the engine. Returns false at end of stream. */
    private boolean readRecords() throws IOException {
        int n = socketIn.read(readBuffer);
        synchronized (engineLock) {
            if (n < 0) {
                socketEof = true;
                return false;
            }
            try {
                connection.readTls(ByteBuffer.wrap(readBuffer, 0, n));
            } finally {
                sendPending();
            }
            return true;
        }
    }

    /** Sends everything the engine has queued. Called with the engine lock held. */
    private void sendPending() throws IOException {
        synchronized (writeLock) {
            while (connection.wantsWrite()) {
                outBuffer.clear();
                connection.writeTls(outBuffer);
                try {
                    socketOut.write(outBuffer.array(), 0, outBuffer.position());
                } catch (IOException e) {
                    if (!socket.isClosed()) {
                        throw e;
                    }
                    return;
                }
            }
            socketOut.flush();
        }
    }

    private final class TlsInputStream extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                synchronized (engineLock) {
                    int n = connection.read(ByteBuffer.wrap(b, off, len));
                    if (n != 0) {
                        return n;
                    }
                    if (socketEof) {
                        throw new EOFException("the peer closed the TCP connection without close_notify: "
                            + "the data may have been truncated");
                    }
                }
                if (connection.isHandshaking() && !connection.canWrite()) {
                    handshake();
                    continue;
                }
                readRecords();
            }
        }

        @Override
        public int available() {
            synchronized (engineLock) {
                return connection.hasApplicationData() ? 1 : 0;
            }
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    }

    private final class TlsOutputStream extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!connection.canWrite() && connection.isHandshaking()) {
                handshake();
            }
            synchronized (engineLock) {
                if (!connection.canWrite()) {
                    throw new SocketException(connection.isPeerClosed()
                        ? "the peer closed the TLS connection (close_notify); nothing more can be written"
                        : "the TLS connection is closed");
                }
                try {
                    connection.write(ByteBuffer.wrap(b, off, len));
                } catch (TlsException e) {
                    sendPending();
                    throw e;
                }
                sendPending();
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (engineLock) {
                sendPending();
            }
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    }
}
