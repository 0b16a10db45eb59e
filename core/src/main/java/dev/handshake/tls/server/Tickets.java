package dev.handshake.tls.server;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.TicketKeys;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.PeerCertificates;
import dev.handshake.tls.handshake.Tls13Keys;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.NewSessionTicket;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The server's NewSessionTicket messages after a TLS 1.3 handshake (RFC 8446 §4.6.1). */
final class Tickets {

    /** Two tickets, so a client can open two connections in parallel, each with a ticket of its own. */
    private static final int PER_HANDSHAKE = 2;

    private Tickets() {
    }

    static void send(HandshakeContext context, Tls13Keys keys, CipherSuite suite, byte[] resumptionMasterSecret,
                     String applicationProtocol, String serverName, List<X509Certificate> clientChain)
            throws TlsException {
        TlsConfig config = context.config();
        TicketKeys ticketKeys = config.ticketKeys();
        if (ticketKeys == null) {
            return;
        }
        Instant now = context.now();
        for (int i = 0; i < PER_HANDSHAKE; i++) {
            byte[] nonce = {(byte) i};
            long ageAdd = config.random().nextInt() & 0xFFFFFFFFL;
            byte[] psk = keys.resumptionPsk(resumptionMasterSecret, nonce);
            TicketState state = new TicketState(suite, now, ageAdd, psk, applicationProtocol,
                serverName == null ? "" : serverName, PeerCertificates.encode(clientChain));
            byte[] ticket = ticketKeys.seal(state.encode(), now, config.crypto());
            context.send(new NewSessionTicket(TicketKeys.TICKET_LIFETIME.toSeconds(), ageAdd, nonce, ticket,
                Extensions.NONE));
        }
    }
}
