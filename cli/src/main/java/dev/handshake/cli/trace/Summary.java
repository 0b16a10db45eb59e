package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.trace.TlsEvent;

import java.util.List;

/**
 * What a whole connection came to: how many handshake messages and flights, how many round trips
 * before the client could send its request, what came after the handshake, and the outcome.
 *
 * @param handshakeMessages the handshake messages up to both Finished, not those sent after the handshake
 * @param roundTrips the server flights the client waited for before its first application data (or,
 *                   without any, during the handshake)
 * @param helloRetried whether the server answered with a HelloRetryRequest first
 * @param newSessionTickets the NewSessionTicket messages after the handshake
 * @param keyUpdates the KeyUpdate messages, both ways
 * @param session what was negotiated, or null when the handshake did not complete
 * @param failure why the connection failed, or null
 */
public record Summary(int handshakeMessages, int handshakeFlights, int roundTrips, boolean helloRetried,
                      int newSessionTickets, int keyUpdates, Session session, TlsEvent.Failed failure) {

    public static Summary of(List<TraceStep> steps) {
        int messages = 0;
        int tickets = 0;
        int keyUpdates = 0;
        boolean helloRetried = false;
        Session session = null;
        TlsEvent.Failed failure = null;
        for (TraceStep step : steps) {
            if (step.event() instanceof TlsEvent.HandshakeMessage m) {
                HandshakeType type = m.message().type();
                tickets += type.equals(HandshakeType.NEW_SESSION_TICKET) ? 1 : 0;
                keyUpdates += type.equals(HandshakeType.KEY_UPDATE) ? 1 : 0;
                messages += step.postHandshake() ? 0 : 1;
                helloRetried |= step.message().name().equals("HelloRetryRequest");
            } else if (step.event() instanceof TlsEvent.Completed completed) {
                session = completed.session();
            } else if (step.event() instanceof TlsEvent.Failed failed && failure == null) {
                failure = failed;
            }
        }
        List<Flight> flights = Flight.of(steps);
        int handshakeFlights = 0;
        int serverFlights = 0;
        int roundTrips = -1;
        for (Flight flight : flights) {
            boolean clientData = flight.sender() == Side.CLIENT
                && flight.steps().stream().anyMatch(s -> s.event() instanceof TlsEvent.ApplicationData);
            if (clientData && roundTrips < 0) {
                roundTrips = serverFlights;
            }
            if (flight.handshake()) {
                handshakeFlights++;
                serverFlights += flight.sender() == Side.SERVER ? 1 : 0;
            }
        }
        return new Summary(messages, handshakeFlights, roundTrips < 0 ? serverFlights : roundTrips, helloRetried,
            tickets, keyUpdates, session, failure);
    }

    /** Whether a recording of this connection stays safe if the server's long-term key leaks; null if unknown. */
    public Boolean forwardSecret() {
        return session == null ? null : session.forwardSecret();
    }

    private boolean tls13() {
        return session != null && ProtocolVersion.TLS13.equals(session.version());
    }

    /** The forward secrecy of this connection in a sentence. */
    public String forwardSecrecy() {
        if (session == null) {
            return "none: the handshake did not complete";
        }
        if (session.cipherSuite().keyExchange() == CipherSuite.KeyExchange.RSA) {
            return "no: the pre-master secret crossed the wire encrypted to the server's long-term RSA key; "
                + "whoever obtains that key can decrypt a recording of this connection";
        }
        String shares = "ephemeral " + (session.groupName() != null ? session.groupName() + " " : "") + "key shares";
        if (tls13() && session.resumed()) {
            return "yes: resumed with psk_dhe_ke, so fresh " + shares + " went into the keys besides the ticket's PSK; "
                + "neither a stolen server key nor a stolen ticket key can decrypt a recording";
        }
        return "yes: the secrets came from " + shares + " that are thrown away"
            + (tls13() ? " (TLS 1.3 has no other key exchange)" : "") + "; a stolen server key cannot decrypt a recording";
    }

    /** The round trips in a sentence. */
    public String roundTripText() {
        String trips = roundTrips + " round trip" + (roundTrips == 1 ? "" : "s");
        if (session != null && session.falseStart()) {
            return trips + " before the client sent its request: False Start sent it with the client's Finished, "
                + "one round trip earlier";
        }
        if (helloRetried) {
            return trips + " before the client could send its request: TLS 1.3 needs one, the HelloRetryRequest cost "
                + "one more";
        }
        if (tls13()) {
            return trips + " before the client could send its request: TLS 1.3 sends the key share with the hello";
        }
        return trips + " before the client could send its request";
    }

    /** How the session came about and what it leaves for next time, in a sentence; null for TLS 1.2. */
    public String resumptionText() {
        if (!tls13()) {
            return null;
        }
        String tickets = newSessionTickets + " session ticket" + (newSessionTickets == 1 ? "" : "s")
            + " for next time";
        if (session.resumed()) {
            return "resumed from a session ticket: no certificate was sent, the ticket's pre-shared key authenticated "
                + "the server; " + tickets;
        }
        return "full handshake; " + tickets;
    }
}
