package dev.handshake.io;

import dev.handshake.tls.TlsConfig;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Accepts TCP connections and wraps each in a server-side {@link TlsSocket}. */
public final class TlsServerSocket implements Closeable {

    private final ServerSocket serverSocket;
    private final TlsConfig config;

    public TlsServerSocket(ServerSocket serverSocket, TlsConfig config) {
        if (config.credentials().isEmpty()) {
            throw new IllegalArgumentException("a TLS server needs a certificate: TlsConfig.builder().credential(...)");
        }
        this.serverSocket = serverSocket;
        this.config = config;
    }

    /** Listens on {@code address:port} (port 0 picks a free one). */
    public static TlsServerSocket bind(InetAddress address, int port, TlsConfig config) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(address, port), 128);
        return new TlsServerSocket(serverSocket, config);
    }

    /** The next connection; its handshake runs on {@link TlsSocket#handshake()} or first use. */
    public TlsSocket accept() throws IOException {
        Socket socket = serverSocket.accept();
        try {
            return TlsSocket.server(socket, config);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public int getLocalPort() {
        return serverSocket.getLocalPort();
    }

    public ServerSocket serverSocket() {
        return serverSocket;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
