package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/** The cookie extension (RFC 8446 §4.2.2): {@code opaque cookie<1..2^16-1>}, echoed from HelloRetryRequest. */
public final class Cookie {

    private Cookie() {
    }

    public static byte[] decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        byte[] cookie = reader.opaque16("cookie");
        reader.expectEnd();
        if (cookie.length == 0) {
            throw reader.error("the cookie is empty");
        }
        return cookie;
    }

    public static Extension of(byte[] cookie) {
        Writer writer = new Writer();
        writer.opaque16(cookie);
        return new Extension(ExtensionType.COOKIE, writer.toByteArray());
    }
}
