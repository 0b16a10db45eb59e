package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * One handshake message as it crossed the wire (RFC 8446 §4): its type, its body, and the
 * exact bytes (header included) that go into the transcript hash.
 */
public record Handshake(HandshakeType type, byte[] body, byte[] raw) {

    /** The 4-byte header: msg_type and a 24-bit length. */
    public static final int HEADER_LENGTH = 4;

    /** Frames a body as a handshake message. */
    public static Handshake of(HandshakeType type, byte[] body) {
        byte[] raw = new byte[HEADER_LENGTH + body.length];
        raw[0] = (byte) type.code();
        raw[1] = (byte) (body.length >>> 16);
        raw[2] = (byte) (body.length >>> 8);
        raw[3] = (byte) body.length;
        System.arraycopy(body, 0, raw, HEADER_LENGTH, body.length);
        return new Handshake(type, body, raw);
    }

    /** A reader over the body, named after the message for error messages. */
    public Reader reader() {
        return new Reader(type.name(), body);
    }

    /** Fails with unexpected_message unless this message is of the type the handshake is waiting for. */
    public Handshake expect(HandshakeType expected, String state) throws TlsException {
        if (!type.equals(expected)) {
            throw unexpected(state);
        }
        return this;
    }

    /** The unexpected_message failure for a message that may not arrive in this state. */
    public TlsException unexpected(String state) {
        return new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
            "received " + type.name() + " while " + state);
    }
}
