package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * The TLS 1.3 NewSessionTicket (RFC 8446 §4.6.1).
 *
 * <pre>
 * struct {
 *     uint32 ticket_lifetime;                    -- seconds, at most 604800 (7 days)
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce&lt;0..255&gt;;
 *     opaque ticket&lt;1..2^16-1&gt;;
 *     Extension extensions&lt;0..2^16-2&gt;;
 * } NewSessionTicket;
 * </pre>
 */
public record NewSessionTicket(long lifetime, long ageAdd, byte[] nonce, byte[] ticket, Extensions extensions)
        implements HandshakeMessage {

    /** RFC 8446 §4.6.1: servers MUST NOT use any value greater than 604800 seconds. */
    public static final long MAX_LIFETIME = 604_800;

    public static NewSessionTicket decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        long lifetime = reader.u32("ticket_lifetime");
        long ageAdd = reader.u32("ticket_age_add");
        byte[] nonce = reader.opaque8("ticket_nonce");
        byte[] ticket = reader.opaque16("ticket");
        if (ticket.length == 0) {
            throw reader.error("the ticket is empty");
        }
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        if (lifetime > MAX_LIFETIME) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "a ticket lifetime of " + lifetime + " s, more than the 7 days RFC 8446 §4.6.1 allows");
        }
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.u32(lifetime);
        writer.u32(ageAdd);
        writer.opaque8(nonce);
        writer.opaque16(ticket);
        extensions.encode(writer);
    }
}
