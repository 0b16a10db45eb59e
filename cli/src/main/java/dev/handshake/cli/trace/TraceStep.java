package dev.handshake.cli.trace;

import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.trace.TlsEvent;

import java.time.Instant;

/**
 * One event of a connection as the renderers show it.
 *
 * @param index the position in the connection's events, from 1
 * @param sender who sent what crossed the wire, or null for events that did not cross it (secrets,
 *               certificate checks, state changes, the outcome)
 * @param encrypted whether it crossed the wire encrypted
 * @param message the decoded handshake message, or null for other events
 */
public record TraceStep(int index, Instant at, TlsEvent event, Side sender, boolean encrypted, MessageView message) {

    /** Whether this step is something that crossed the wire as a message: handshake, CCS, data or alert. */
    public boolean onWire() {
        return event instanceof TlsEvent.HandshakeMessage || event instanceof TlsEvent.ChangeCipherSpec
            || event instanceof TlsEvent.ApplicationData || event instanceof TlsEvent.Alert;
    }

    /**
     * Whether this step is part of the handshake proper: a handshake message or a ChangeCipherSpec,
     * but not one of the messages TLS 1.3 sends after the handshake.
     */
    public boolean handshake() {
        return (event instanceof TlsEvent.HandshakeMessage && !postHandshake()) || event instanceof TlsEvent.ChangeCipherSpec;
    }

    /**
     * Whether this is a NewSessionTicket or KeyUpdate, the messages TLS 1.3 sends once the handshake
     * is over (RFC 8446 §4.6). (A TLS 1.2 server may send a NewSessionTicket in its last flight; the
     * Handshake client never asks for one.)
     */
    public boolean postHandshake() {
        return event instanceof TlsEvent.HandshakeMessage m && (m.message().type().equals(HandshakeType.NEW_SESSION_TICKET)
            || m.message().type().equals(HandshakeType.KEY_UPDATE));
    }
}
