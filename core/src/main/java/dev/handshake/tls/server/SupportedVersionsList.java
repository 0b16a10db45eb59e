package dev.handshake.tls.server;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.Reader;

/** Reads the client's supported_versions extension (RFC 8446 §4.2.1): {@code ProtocolVersion versions<2..254>}. */
final class SupportedVersionsList {

    private SupportedVersionsList() {
    }

    static boolean contains(Extension extension, ProtocolVersion wanted) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u8Prefixed("versions");
        reader.expectEnd();
        if (list.remaining() < 2 || list.remaining() % 2 != 0) {
            throw list.error("length " + list.remaining() + " is not a positive multiple of 2");
        }
        boolean found = false;
        while (list.hasRemaining()) {
            found |= list.u16("version") == wanted.code();
        }
        return found;
    }
}
