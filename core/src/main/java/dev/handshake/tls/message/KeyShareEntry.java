package dev.handshake.tls.message;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;

/** {@code struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;} (RFC 8446 §4.2.8). */
public record KeyShareEntry(NamedGroup group, byte[] keyExchange) {

    static KeyShareEntry read(Reader reader) throws TlsException {
        NamedGroup group = new NamedGroup(reader.u16("group"));
        byte[] keyExchange = reader.opaque16("key_exchange");
        if (keyExchange.length == 0) {
            throw reader.error("the " + group + " key share is empty");
        }
        return new KeyShareEntry(group, keyExchange);
    }

    void write(Writer writer) {
        writer.u16(group.code());
        writer.opaque16(keyExchange);
    }
}
