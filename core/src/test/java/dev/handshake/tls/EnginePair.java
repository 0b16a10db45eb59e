package dev.handshake.tls;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;

/** A client and a server engine wired together in memory: no sockets, no threads. */
final class EnginePair {

    final TlsConnection client;
    final TlsConnection server;

    EnginePair(TlsConfig clientConfig, TlsConfig serverConfig) throws TlsException {
        this(clientConfig, serverConfig, "localhost");
    }

    EnginePair(TlsConfig clientConfig, TlsConfig serverConfig, String serverName) throws TlsException {
        this.server = TlsConnection.server(serverConfig);
        this.client = TlsConnection.client(clientConfig, serverName);
    }

    /** Moves bytes both ways until neither side has anything to send. */
    void handshake() throws TlsException {
        for (int round = 0; round < 20 && (client.wantsWrite() || server.wantsWrite()); round++) {
            transfer(client, server);
            transfer(server, client);
        }
    }

    /** Moves everything {@code from} wants to send into {@code to}; returns the byte count. */
    static int transfer(TlsConnection from, TlsConnection to) throws TlsException {
        return transferAltered(from, to, UnaryOperator.identity());
    }

    /** Like {@link #transfer}, but lets a test change the bytes in flight. */
    static int transferAltered(TlsConnection from, TlsConnection to, UnaryOperator<byte[]> alter) throws TlsException {
        byte[] bytes = drain(from);
        if (bytes.length == 0) {
            return 0;
        }
        to.readTls(ByteBuffer.wrap(alter.apply(bytes)));
        return bytes.length;
    }

    static byte[] drain(TlsConnection from) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        while (from.wantsWrite()) {
            from.writeTls(buffer);
        }
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Sends application data from one side and returns what the other side read. */
    static byte[] send(TlsConnection from, TlsConnection to, byte[] data) throws TlsException {
        from.write(ByteBuffer.wrap(data));
        transfer(from, to);
        ByteBuffer received = ByteBuffer.allocate(data.length + 1);
        to.read(received);
        received.flip();
        byte[] out = new byte[received.remaining()];
        received.get(out);
        return out;
    }
}
