package dev.handshake.cli;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

/**
 * What {@code connect} tells about one of its connections beyond what the session says: whether it
 * offered a session ticket, how many tickets and KeyUpdates came back, and whether the server asked
 * for a client certificate and got one. Watches the handshake messages; one per connection.
 */
final class ConnectionFacts implements TlsObserver {

    private boolean ticketOffered;
    private int ticketsReceived;
    private int keyUpdatesReceived;
    private boolean certificateRequested;
    private Handshake clientCertificate;

    @Override
    public void onEvent(TlsEvent event) {
        if (!(event instanceof TlsEvent.HandshakeMessage m)) {
            return;
        }
        HandshakeType type = m.message().type();
        if (m.direction() == TlsEvent.Direction.SENT) {
            if (type.equals(HandshakeType.CLIENT_HELLO)) {
                // After a HelloRetryRequest the second ClientHello decides.
                ticketOffered = offersTicket(m.message());
            } else if (type.equals(HandshakeType.CERTIFICATE)) {
                clientCertificate = m.message();
            }
        } else if (type.equals(HandshakeType.NEW_SESSION_TICKET)) {
            ticketsReceived++;
        } else if (type.equals(HandshakeType.KEY_UPDATE)) {
            keyUpdatesReceived++;
        } else if (type.equals(HandshakeType.CERTIFICATE_REQUEST)) {
            certificateRequested = true;
        }
    }

    /** Whether the (last) ClientHello offered a session ticket to resume. */
    boolean ticketOffered() {
        return ticketOffered;
    }

    /** NewSessionTicket messages received so far. */
    int ticketsReceived() {
        return ticketsReceived;
    }

    /** KeyUpdate messages received so far. */
    int keyUpdatesReceived() {
        return keyUpdatesReceived;
    }

    /** Whether the server sent a CertificateRequest. */
    boolean certificateRequested() {
        return certificateRequested;
    }

    /** Whether the client answered a CertificateRequest with a certificate, rather than an empty list. */
    boolean clientCertificateSent(ProtocolVersion version) {
        try {
            return clientCertificate != null
                && !Certificate.decode(clientCertificate, ProtocolVersion.TLS13.equals(version)).entries().isEmpty();
        } catch (TlsException e) {
            return false;
        }
    }

    private static boolean offersTicket(Handshake message) {
        try {
            return ClientHello.decode(message).extensions().has(ExtensionType.PRE_SHARED_KEY);
        } catch (TlsException e) {
            return false;
        }
    }
}
