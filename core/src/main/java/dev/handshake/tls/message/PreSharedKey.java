package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre_shared_key extension (RFC 8446 §4.2.11). The client offers identities (session tickets)
 * with binders; the server answers with the index of the identity it selected.
 *
 * <pre>
 * struct { opaque identity&lt;1..2^16-1&gt;; uint32 obfuscated_ticket_age; } PskIdentity;
 * struct { PskIdentity identities&lt;7..2^16-1&gt;; PskBinderEntry binders&lt;33..2^16-1&gt;; } OfferedPsks;
 * </pre>
 */
public final class PreSharedKey {

    /** One offered ticket and the age the client claims for it, obfuscated. */
    public record Identity(byte[] identity, long obfuscatedTicketAge) {
    }

    /** The client's offer. */
    public record Offered(List<Identity> identities, List<byte[]> binders) {

        public Offered {
            identities = List.copyOf(identities);
            binders = List.copyOf(binders);
        }

        public Extension toExtension() {
            Writer writer = new Writer();
            try (Writer.Length list = writer.u16Prefixed()) {
                for (Identity identity : identities) {
                    writer.opaque16(identity.identity());
                    writer.u32(identity.obfuscatedTicketAge());
                }
            }
            try (Writer.Length list = writer.u16Prefixed()) {
                for (byte[] binder : binders) {
                    writer.opaque8(binder);
                }
            }
            return new Extension(ExtensionType.PRE_SHARED_KEY, writer.toByteArray());
        }

        /** The bytes the binders list takes at the end of the ClientHello, its length field included. */
        public int bindersLength() {
            int length = 2;
            for (byte[] binder : binders) {
                length += 1 + binder.length;
            }
            return length;
        }
    }

    private PreSharedKey() {
    }

    public static Offered decodeOffered(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader identitiesList = reader.u16Prefixed("identities");
        List<Identity> identities = new ArrayList<>();
        while (identitiesList.hasRemaining()) {
            byte[] identity = identitiesList.opaque16("identity");
            if (identity.length == 0) {
                throw identitiesList.error("an empty identity");
            }
            identities.add(new Identity(identity, identitiesList.u32("obfuscated_ticket_age")));
        }
        Reader bindersList = reader.u16Prefixed("binders");
        reader.expectEnd();
        List<byte[]> binders = new ArrayList<>();
        while (bindersList.hasRemaining()) {
            byte[] binder = bindersList.opaque8("binder");
            if (binder.length < 32) {
                throw bindersList.error("a binder of " + binder.length + " bytes; at least 32 are required");
            }
            binders.add(binder);
        }
        if (identities.isEmpty()) {
            throw reader.error("no identities");
        }
        // RFC 8446 §4.2.11: one binder per identity.
        if (binders.size() != identities.size()) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "pre_shared_key offers " + identities.size() + " identities but " + binders.size() + " binders");
        }
        return new Offered(identities, binders);
    }

    /** ServerHello: {@code uint16 selected_identity}. */
    public static int decodeSelected(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        int selected = reader.u16("selected_identity");
        reader.expectEnd();
        return selected;
    }

    public static Extension selected(int index) {
        return new Extension(ExtensionType.PRE_SHARED_KEY, new byte[] {(byte) (index >>> 8), (byte) index});
    }
}
