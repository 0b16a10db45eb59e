package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/**
 * Finished (RFC 5246 §7.4.9, RFC 8446 §4.4.4): {@code opaque verify_data[verify_data_length]},
 * 12 bytes in TLS 1.2, the hash length in TLS 1.3.
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {

    public static Finished decode(Handshake message, int verifyDataLength) throws TlsException {
        Reader reader = message.reader();
        byte[] verifyData = reader.bytes("verify_data", verifyDataLength);
        reader.expectEnd();
        return new Finished(verifyData);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.bytes(verifyData);
    }
}
