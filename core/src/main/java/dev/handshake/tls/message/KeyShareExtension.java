package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The key_share extension (RFC 8446 §4.2.8) in its three shapes: the client's list of shares, the
 * server's one share in ServerHello, and the group a HelloRetryRequest asks for.
 */
public final class KeyShareExtension {

    private KeyShareExtension() {
    }

    /** ClientHello: {@code KeyShareEntry client_shares<0..2^16-1>}, at most one share per group. */
    public static List<KeyShareEntry> decodeClientShares(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u16Prefixed("client_shares");
        reader.expectEnd();
        List<KeyShareEntry> shares = new ArrayList<>();
        Set<NamedGroup> groups = new HashSet<>();
        while (list.hasRemaining()) {
            KeyShareEntry entry = KeyShareEntry.read(list);
            if (!groups.add(entry.group())) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the client sent two key shares for " + entry.group());
            }
            shares.add(entry);
        }
        return shares;
    }

    public static Extension clientShares(List<KeyShareEntry> shares) {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u16Prefixed()) {
            for (KeyShareEntry share : shares) {
                share.write(writer);
            }
        }
        return new Extension(ExtensionType.KEY_SHARE, writer.toByteArray());
    }

    /** ServerHello: {@code KeyShareEntry server_share}. */
    public static KeyShareEntry decodeServerShare(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        KeyShareEntry share = KeyShareEntry.read(reader);
        reader.expectEnd();
        return share;
    }

    public static Extension serverShare(KeyShareEntry share) {
        Writer writer = new Writer();
        share.write(writer);
        return new Extension(ExtensionType.KEY_SHARE, writer.toByteArray());
    }

    /** HelloRetryRequest: {@code NamedGroup selected_group}. */
    public static NamedGroup decodeSelectedGroup(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        NamedGroup group = new NamedGroup(reader.u16("selected_group"));
        reader.expectEnd();
        return group;
    }

    public static Extension selectedGroup(NamedGroup group) {
        return new Extension(ExtensionType.KEY_SHARE, new byte[] {(byte) (group.code() >>> 8), (byte) group.code()});
    }
}
