package dev.handshake.interop;

import dev.handshake.testkit.TlsEndpoint;
import dev.handshake.tls.TlsConnection;
import dev.handshake.tls.TlsException;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Handshake's sans-IO engine as a {@link TlsEndpoint}, so it can be pumped against the JDK's SSLEngine. */
final class OurEndpoint implements TlsEndpoint {

    final TlsConnection connection;

    OurEndpoint(TlsConnection connection) {
        this.connection = connection;
    }

    @Override
    public void fromNetwork(byte[] bytes) {
        try {
            connection.readTls(ByteBuffer.wrap(bytes));
        } catch (TlsException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] toNetwork() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
        while (connection.wantsWrite()) {
            buffer.clear();
            connection.writeTls(buffer);
            out.write(buffer.array(), 0, buffer.position());
        }
        return out.toByteArray();
    }

    void write(String text) throws TlsException {
        connection.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    String read() throws TlsException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        connection.read(buffer);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
