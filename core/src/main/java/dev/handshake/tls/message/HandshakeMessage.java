package dev.handshake.tls.message;

/** A decoded handshake message that can encode itself again. */
public interface HandshakeMessage {

    HandshakeType type();

    /** Writes the body, without the 4-byte handshake header. */
    void encodeBody(Writer writer);

    /** The framed message, ready for the record layer and the transcript. */
    default Handshake toHandshake() {
        Writer writer = new Writer();
        encodeBody(writer);
        return Handshake.of(type(), writer.toByteArray());
    }
}
