package dev.handshake.bench;

import dev.handshake.tls.TlsConnection;
import dev.handshake.tls.TlsException;
import java.nio.ByteBuffer;

/**
 * Two Handshake connections joined by two reusable buffers, one per direction: the cheapest wire a
 * sans-IO engine can have, so a benchmark measures the engine, not the harness.
 */
final class HandshakeLink {

    /** Room for any flight and any record (2^14 plus overhead) with space to spare. */
    static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_ROUNDS = 50;

    private final ByteBuffer toServer = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer toClient = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer oneByte = ByteBuffer.allocate(1);

    /**
     * Carries bytes both ways until neither side has anything to send, then sends one byte from
     * the client to the server and one back. Returns the two bytes as received, as an int.
     */
    int handshakeAndExchange(TlsConnection client, TlsConnection server) throws TlsException {
        toServer.clear();
        toClient.clear();
        pump(client, server);
        if (client.isHandshaking() || server.isHandshaking()) {
            throw new IllegalStateException("the handshake stalled");
        }
        int fromClient = exchange(client, server, (byte) 'c');
        int fromServer = exchange(server, client, (byte) 's');
        return fromClient << 8 | fromServer;
    }

    private int exchange(TlsConnection from, TlsConnection to, byte value) throws TlsException {
        oneByte.clear();
        oneByte.put(value).flip();
        from.write(oneByte);
        pump(from, to);
        oneByte.clear();
        if (to.read(oneByte) != 1) {
            throw new IllegalStateException("the byte of application data did not arrive");
        }
        return oneByte.get(0);
    }

    /** Moves bytes both ways until a round moves none. */
    void pump(TlsConnection a, TlsConnection b) throws TlsException {
        ByteBuffer ab = a.isClient() ? toServer : toClient;
        ByteBuffer ba = a.isClient() ? toClient : toServer;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = carry(a, b, ab) | carry(b, a, ba);
            if (!moved) {
                return;
            }
        }
        throw new IllegalStateException("the connections were still talking after " + MAX_ROUNDS + " rounds");
    }

    /** Moves what {@code from} has to send into {@code to}; true if a byte moved. */
    private static boolean carry(TlsConnection from, TlsConnection to, ByteBuffer wire) throws TlsException {
        boolean moved = from.writeTls(wire) > 0;
        wire.flip();
        if (wire.hasRemaining()) {
            int before = wire.remaining();
            to.readTls(wire);
            moved |= wire.remaining() != before;
        }
        wire.compact();
        return moved;
    }
}
