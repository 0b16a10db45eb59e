package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Handshake;

/**
 * One step of a handshake: it takes the next message and returns the state that follows. A
 * message a state does not expect ends the handshake with unexpected_message.
 */
public interface HandshakeState {

    /** Handles the next handshake message and returns the next state. */
    HandshakeState handle(Handshake message) throws TlsException;

    /** Handles a ChangeCipherSpec record (TLS 1.2). Only the state right before Finished expects one. */
    default HandshakeState handleChangeCipherSpec() throws TlsException {
        throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
            "received ChangeCipherSpec while " + waitingFor());
    }

    /** Whether application data may arrive now. */
    default boolean acceptsApplicationData() {
        return false;
    }

    /** What this state waits for, for messages such as "received Finished while waiting for ServerHello". */
    String waitingFor();
}
