package dev.handshake.tls.trace;

import dev.handshake.pki.ValidationStep;
import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.Session;
import dev.handshake.tls.message.Handshake;

/**
 * One thing that happened on a connection. Renderers (the CLI's explanation, JSON, key log, HTML
 * report) read these; the engine never formats text for them.
 */
public sealed interface TlsEvent {

    /** Which way something crossed the wire, from this side's point of view. */
    enum Direction {
        SENT, RECEIVED
    }

    /**
     * A record crossed the wire.
     *
     * @param contentType the type in the record header (20 change_cipher_spec ... 23 application_data)
     * @param version the version in the record header
     * @param length the length of the record's payload as sent (ciphertext when protected)
     * @param protectedRecord whether the record was encrypted
     */
    record Record(Direction direction, int contentType, int version, int length, boolean protectedRecord)
            implements TlsEvent {
    }

    /**
     * A whole handshake message was sent or received; {@code message.raw()} is exactly what was hashed.
     * {@code protectedRecord} tells whether it travelled encrypted.
     */
    record HandshakeMessage(Direction direction, Handshake message, boolean protectedRecord) implements TlsEvent {
    }

    /** A TLS 1.2 ChangeCipherSpec. */
    record ChangeCipherSpec(Direction direction) implements TlsEvent {
    }

    /** Application data crossed, {@code length} bytes of plaintext. */
    record ApplicationData(Direction direction, int length) implements TlsEvent {
    }

    /** An alert was sent or received. */
    record Alert(Direction direction, boolean fatal, AlertDescription description) implements TlsEvent {
    }

    /**
     * A secret was derived.
     *
     * @param name the name the RFCs give it: "pre_master_secret", "master_secret",
     *             "client_handshake_traffic_secret", ...
     * @param derivation how it was computed, in the RFC's notation, for an explanation
     * @param clientRandom the ClientHello random that identifies the connection in a key log
     * @param value the secret itself
     */
    record Secret(String name, String derivation, byte[] clientRandom, byte[] value) implements TlsEvent {
    }

    /** One step of checking the peer's certificate chain. */
    record CertificateCheck(ValidationStep step) implements TlsEvent {
    }

    /** The handshake moved on: {@code state} says what it now waits for. */
    record State(String state) implements TlsEvent {
    }

    /** The handshake completed with this outcome. */
    record Completed(Session session) implements TlsEvent {
    }

    /** The connection failed; {@code sentByPeer} tells who raised the alert. */
    record Failed(AlertDescription alert, String reason, boolean sentByPeer) implements TlsEvent {
    }
}
