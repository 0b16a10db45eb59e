package dev.handshake.cli.trace;

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

    /** Whether this step is part of the handshake proper: a handshake message or a ChangeCipherSpec. */
    public boolean handshake() {
        return event instanceof TlsEvent.HandshakeMessage || event instanceof TlsEvent.ChangeCipherSpec;
    }
}
