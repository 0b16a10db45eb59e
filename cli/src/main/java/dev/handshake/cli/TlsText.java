package dev.handshake.cli;

import dev.handshake.tls.Session;
import dev.handshake.tls.TlsException;

/** How the tool words what a handshake negotiated, or why it failed: one place for every command. */
final class TlsText {

    private TlsText() {
    }

    /** One line: protocol, suite and group, e.g. {@code TLS 1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 x25519}. */
    static String summary(Session session) {
        return session.version() + " " + session.cipherSuite() + " " + group(session);
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
