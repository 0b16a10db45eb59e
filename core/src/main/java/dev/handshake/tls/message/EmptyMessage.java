package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/** The messages with an empty body: ServerHelloDone (RFC 5246 §7.4.5) and HelloRequest (§7.4.1.1). */
public record EmptyMessage(HandshakeType type) implements HandshakeMessage {

    public static final EmptyMessage SERVER_HELLO_DONE = new EmptyMessage(HandshakeType.SERVER_HELLO_DONE);
    public static final EmptyMessage HELLO_REQUEST = new EmptyMessage(HandshakeType.HELLO_REQUEST);

    /** Checks that the message has no body. */
    public static void decode(Handshake message) throws TlsException {
        message.reader().expectEnd();
    }

    @Override
    public void encodeBody(Writer writer) {
    }
}
