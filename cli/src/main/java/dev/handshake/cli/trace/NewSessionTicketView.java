package dev.handshake.cli.trace;

import dev.handshake.tls.message.NewSessionTicket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** NewSessionTicket (RFC 8446 §4.6.1): after the handshake, a ticket to resume the session later. */
final class NewSessionTicketView {

    private NewSessionTicketView() {
    }

    static MessageView of(NewSessionTicket ticket) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("lifetime", ticket.lifetime() + " s (" + Duration.ofSeconds(ticket.lifetime()).toString()
            .substring(2).toLowerCase(java.util.Locale.ROOT) + "): how long the client may offer it"));
        fields.add(new Field("ticket_age_add", String.format("0x%08x", ticket.ageAdd())
            + ": added to the ticket's age when it is offered, so the age on the wire does not link connections"));
        fields.add(new Field("nonce", Hex.head(ticket.nonce()) + ": makes each ticket's key different,\n"
            + "PSK = HKDF-Expand-Label(resumption_master_secret, \"resumption\", nonce, Hash.length)"));
        fields.add(new Field("ticket", ticket.ticket().length + " bytes, opaque to the client"));
        fields.addAll(ExtensionText.fields(ticket.extensions(), ExtensionText.In.NEW_SESSION_TICKET));
        return new MessageView("NewSessionTicket",
            "After the handshake, the server gives the client a ticket to resume this session next time without "
                + "certificates. The ticket is the server's own state, encrypted under its ticket key; the client keeps "
                + "it with the pre-shared key it derives from the resumption master secret and the nonce.", fields);
    }
}
