package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * KeyUpdate (RFC 8446 §4.6.3): {@code enum { update_not_requested(0), update_requested(1) }}.
 * The sender's next records use the next traffic secret.
 */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {

    public static KeyUpdate decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        int request = reader.u8("request_update");
        reader.expectEnd();
        if (request > 1) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "KeyUpdate with request_update " + request + " (only 0 and 1 exist)");
        }
        return new KeyUpdate(request == 1);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.u8(updateRequested ? 1 : 0);
    }
}
