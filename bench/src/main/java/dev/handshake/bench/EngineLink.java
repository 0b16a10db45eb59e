package dev.handshake.bench;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Two {@link SSLEngine}s joined by reusable buffers, one per direction, driven on one thread as a
 * non-blocking server drives them: wrap, unwrap, and delegated tasks run at once.
 */
final class EngineLink {

    static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_ROUNDS = 50;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final ByteBuffer toServer;
    private final ByteBuffer toClient;
    private final ByteBuffer clientIn;
    private final ByteBuffer serverIn;
    private final ByteBuffer oneByte = ByteBuffer.allocate(1);

    /** Direct buffers suit Conscrypt (BoringSSL reads and writes them in place); heap ones suit SunJSSE. */
    EngineLink(boolean direct) {
        toServer = allocate(direct, BUFFER_BYTES);
        toClient = allocate(direct, BUFFER_BYTES);
        clientIn = allocate(direct, BUFFER_BYTES);
        serverIn = allocate(direct, BUFFER_BYTES);
    }

    static ByteBuffer allocate(boolean direct, int bytes) {
        return direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes);
    }

    /** Handshakes, then one byte each way; returns the two bytes as received. */
    int handshakeAndExchange(SSLEngine client, SSLEngine server) throws SSLException {
        toServer.clear();
        toClient.clear();
        clientIn.clear();
        serverIn.clear();
        client.beginHandshake();
        server.beginHandshake();
        pump(client, server, NOTHING, NOTHING);
        if (client.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
            || server.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
            throw new IllegalStateException("the handshake stalled: client " + client.getHandshakeStatus()
                + ", server " + server.getHandshakeStatus());
        }
        oneByte.clear();
        pump(client, server, oneByte.put((byte) 'c').flip(), NOTHING);
        int fromClient = take(serverIn);
        oneByte.clear();
        pump(client, server, NOTHING, oneByte.put((byte) 's').flip());
        int fromServer = take(clientIn);
        return fromClient << 8 | fromServer;
    }

    private static int take(ByteBuffer in) {
        in.flip();
        if (in.remaining() != 1) {
            throw new IllegalStateException(in.remaining() + " bytes of application data arrived instead of 1");
        }
        int value = in.get();
        in.clear();
        return value;
    }

    /** Wraps and unwraps both ways until a round moves nothing; plaintext lands in clientIn/serverIn. */
    private void pump(SSLEngine client, SSLEngine server, ByteBuffer clientOut, ByteBuffer serverOut)
        throws SSLException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = wrap(client, clientOut, toServer);
            moved |= unwrap(server, toServer, serverIn);
            moved |= wrap(server, serverOut, toClient);
            moved |= unwrap(client, toClient, clientIn);
            if (!moved) {
                return;
            }
        }
        throw new IllegalStateException("the engines were still talking after " + MAX_ROUNDS + " rounds");
    }

    private static boolean wrap(SSLEngine engine, ByteBuffer plaintext, ByteBuffer wire) throws SSLException {
        boolean moved = false;
        while (true) {
            SSLEngineResult result = engine.wrap(plaintext, wire);
            boolean ran = runTasks(engine, result);
            if (result.getStatus() != SSLEngineResult.Status.OK) {
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return moved;
                }
                throw new IllegalStateException("wrap: " + result);
            }
            if (result.bytesProduced() == 0 && result.bytesConsumed() == 0 && !ran) {
                return moved;
            }
            moved = true;
        }
    }

    private static boolean unwrap(SSLEngine engine, ByteBuffer wire, ByteBuffer plaintext) throws SSLException {
        boolean moved = false;
        wire.flip();
        try {
            while (wire.hasRemaining()) {
                SSLEngineResult result = engine.unwrap(wire, plaintext);
                boolean ran = runTasks(engine, result);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return moved;
                }
                if (result.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + result);
                }
                if (result.bytesProduced() == 0 && result.bytesConsumed() == 0 && !ran) {
                    return moved;
                }
                moved = true;
            }
            return moved;
        } finally {
            wire.compact();
        }
    }

    private static boolean runTasks(SSLEngine engine, SSLEngineResult result) {
        if (result.getHandshakeStatus() != HandshakeStatus.NEED_TASK) {
            return false;
        }
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
        return true;
    }
}
