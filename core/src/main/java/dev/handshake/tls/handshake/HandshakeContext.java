package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeMessage;
import dev.handshake.tls.record.RecordProtection;
import dev.handshake.tls.trace.TlsObserver;

import java.time.Instant;

/** What the engine offers the handshake states: configuration, output, and key changes. */
public interface HandshakeContext {

    TlsConfig config();

    /** This connection's observer, or {@code null}: check before building an event. */
    TlsObserver observer();

    /** The host name or IP address the client meant to reach (client side), or {@code null}. */
    String peerName();

    /** The current time, from the configuration's clock. */
    default Instant now() {
        return config().clock().instant();
    }

    /** Queues a handshake message for sending; returns it framed, for the transcript. */
    Handshake send(HandshakeMessage message) throws TlsException;

    /** Sends ChangeCipherSpec (TLS 1.2, RFC 5246 §7.1); the caller then switches write keys. */
    void sendChangeCipherSpec() throws TlsException;

    /** Protects records written from now on. Queued handshake messages go out under the old keys first. */
    void setWriteProtection(RecordProtection protection) throws TlsException;

    /** Opens records read from now on with these keys. */
    void setReadProtection(RecordProtection protection);

    /** The version is chosen: records carry 0x0303 from now on, and the version's record rules apply. */
    void negotiated(ProtocolVersion version);

    /** TLS False Start (RFC 7918): the application may write before the handshake completes. */
    void allowEarlyApplicationWrites();

    /** The handshake completed with this outcome. */
    void complete(Session session);

    /** Sends a warning alert, e.g. no_renegotiation. */
    void sendWarning(AlertDescription alert) throws TlsException;
}
