package dev.handshake.cli;

import dev.handshake.tls.Session;
import dev.handshake.tls.TlsException;

/** How the tool words what a handshake negotiated, or why it failed: one place for every command. */
final class TlsText {

    private TlsText() {
    }

    /**
     * One line: protocol, suite and group, and whether a ticket resumed the session, e.g.
     * {@code TLS 1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 x25519}, {@code TLS 1.3 TLS_AES_128_GCM_SHA256 x25519 resumed}.
     */
    static String summary(Session session) {
        return session.version() + " " + session.cipherSuite() + " " + group(session) + (session.resumed() ? " resumed" : "");
    }

    /** The signature scheme the server signed with, or why there is none. */
    static String signature(Session session) {
        if (session.signatureScheme() != null) {
            return session.signatureScheme().name();
        }
        return session.resumed() ? "none (resumed: the session ticket's key stands in for the certificate)"
            : "none (RSA key transport)";
    }

    /** Seen from a server: the subject of the client's certificate, or "none". */
    static String clientCertificate(Session session) {
        return session.peerCertificates().isEmpty() ? "none"
            : session.peerCertificates().get(0).getSubjectX500Principal().getName();
    }

    /** The key-exchange group, or why none is named. */
    static String group(Session session) {
        if (session.groupName() != null) {
            return session.groupName();
        }
        return "none (RSA key transport)";
    }

    /** The alert, which side sent it, and the reason. */
    static String failure(TlsException e) {
        return (e.sentByPeer() ? "the peer sent alert " : "we sent alert ") + e.alert().name() + ": " + e.getMessage();
    }
}
