package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/**
 * The renegotiation_info extension (RFC 5746 §3.2). Handshake never renegotiates, so on the
 * initial handshake it is always empty: sending it says "I know about the attack".
 */
public record RenegotiationInfo(byte[] renegotiatedConnection) {

    public static Extension initial() {
        return new Extension(ExtensionType.RENEGOTIATION_INFO, new byte[] {0});
    }

    public static RenegotiationInfo decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        byte[] renegotiated = reader.opaque8("renegotiated_connection");
        reader.expectEnd();
        return new RenegotiationInfo(renegotiated);
    }

    public boolean isEmpty() {
        return renegotiatedConnection.length == 0;
    }
}
