package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Session;
import dev.handshake.tls.trace.TlsEvent;

import java.util.List;

/**
 * What a whole connection came to: how many handshake messages and flights, how many round trips
 * before the client could send its request, and the outcome.
 *
 * @param roundTrips the server flights the client waited for before its first application data (or,
 *                   without any, during the handshake)
 * @param session what was negotiated, or null when the handshake did not complete
 * @param failure why the connection failed, or null
 */
public record Summary(int handshakeMessages, int handshakeFlights, int roundTrips, Session session,
                      TlsEvent.Failed failure) {

    public static Summary of(List<TraceStep> steps) {
        int messages = 0;
        Session session = null;
        TlsEvent.Failed failure = null;
        for (TraceStep step : steps) {
            if (step.event() instanceof TlsEvent.HandshakeMessage) {
                messages++;
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
        return new Summary(messages, handshakeFlights, roundTrips < 0 ? serverFlights : roundTrips, session, failure);
    }

    /** Whether a recording of this connection stays safe if the server's long-term key leaks; null if unknown. */
    public Boolean forwardSecret() {
        return session == null ? null : session.forwardSecret();
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
        return "yes: the secrets came from ephemeral " + (session.groupName() != null ? session.groupName() + " " : "")
            + "key shares that are thrown away; a stolen server key cannot decrypt a recording";
    }

    /** The round trips in a sentence. */
    public String roundTripText() {
        String trips = roundTrips + " round trip" + (roundTrips == 1 ? "" : "s");
        if (session != null && session.falseStart()) {
            return trips + " before the client sent its request: False Start sent it with the client's Finished, "
                + "one round trip earlier";
        }
        return trips + " before the client could send its request";
    }
}
