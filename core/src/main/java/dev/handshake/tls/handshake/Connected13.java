package dev.handshake.tls.handshake;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Session;
import dev.handshake.tls.SessionCache;
import dev.handshake.tls.SessionTicket;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.Tls13KeySchedule;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.KeyUpdate;
import dev.handshake.tls.message.NewSessionTicket;
import dev.handshake.tls.record.RecordProtection;
import dev.handshake.tls.record.Tls13AeadProtection;

import java.time.Duration;

/**
 * A TLS 1.3 connection after its handshake (RFC 8446 §4.6): application data flows, and the only
 * handshake messages left are NewSessionTicket (server to client) and KeyUpdate (either way).
 * It keeps the two traffic secrets and (client) the resumption master secret, nothing more: the
 * key schedule is made again for the rare KeyUpdate or ticket.
 */
public final class Connected13 implements HandshakeState {

    private final HandshakeContext context;
    private final boolean client;
    private final CipherSuite suite;
    private final byte[] resumptionMasterSecret;
    private final Session session;
    private byte[] readSecret;
    private byte[] writeSecret;

    private Connected13(HandshakeContext context, boolean client, Tls13Keys keys, CipherSuite suite,
                        byte[] resumptionMasterSecret, Session session) {
        this.context = context;
        this.client = client;
        this.suite = suite;
        this.resumptionMasterSecret = resumptionMasterSecret;
        this.session = session;
        this.readSecret = client ? keys.serverApplicationTrafficSecret() : keys.clientApplicationTrafficSecret();
        this.writeSecret = client ? keys.clientApplicationTrafficSecret() : keys.serverApplicationTrafficSecret();
    }

    private Tls13KeySchedule schedule() throws TlsException {
        return new Tls13KeySchedule(suite.hash(), context.config().crypto());
    }

    private RecordProtection protection(Tls13KeySchedule schedule, byte[] secret) throws TlsException {
        return Tls13AeadProtection.fromTrafficSecret(schedule, secret, suite.aead(), context.config().crypto());
    }

    /** The client side: it keeps the resumption master secret to turn tickets into PSKs. */
    public static Connected13 client(HandshakeContext context, Tls13Keys keys, CipherSuite suite,
                                     byte[] resumptionMasterSecret, Session session) {
        return new Connected13(context, true, keys, suite, resumptionMasterSecret, session);
    }

    public static Connected13 server(HandshakeContext context, Tls13Keys keys, CipherSuite suite, Session session) {
        return new Connected13(context, false, keys, suite, null, session);
    }

    @Override
    public HandshakeState handle(Handshake message) throws TlsException {
        if (message.type().equals(HandshakeType.NEW_SESSION_TICKET) && client) {
            keepTicket(NewSessionTicket.decode(message));
            return this;
        }
        if (message.type().equals(HandshakeType.KEY_UPDATE)) {
            KeyUpdate update = KeyUpdate.decode(message);
            Tls13KeySchedule schedule = schedule();
            readSecret = schedule.nextTrafficSecret(readSecret);
            context.setReadProtection(protection(schedule, readSecret));
            if (update.updateRequested()) {
                // RFC 8446 §4.6.3: answer with update_not_requested, then use the next write keys.
                updateKeys(false);
            }
            return this;
        }
        throw message.unexpected(waitingFor());
    }

    /** Sends KeyUpdate and moves this side's writing to the next traffic secret (RFC 8446 §4.6.3). */
    public void updateKeys(boolean requestPeerUpdate) throws TlsException {
        context.send(new KeyUpdate(requestPeerUpdate));
        Tls13KeySchedule schedule = schedule();
        writeSecret = schedule.nextTrafficSecret(writeSecret);
        context.setWriteProtection(protection(schedule, writeSecret));
    }

    /** RFC 8446 §4.6.1: the ticket's PSK is derived from the resumption master secret and the ticket nonce. */
    private void keepTicket(NewSessionTicket ticket) throws TlsException {
        SessionCache cache = context.config().sessionCache();
        if (cache == null || ticket.lifetime() == 0 || context.peerName() == null) {
            return;
        }
        byte[] psk = schedule().resumptionPsk(resumptionMasterSecret, ticket.nonce());
        cache.put(new SessionTicket(context.peerName(), suite, ticket.ticket(), psk, ticket.ageAdd(), context.now(),
            Duration.ofSeconds(ticket.lifetime()), session.applicationProtocol(), session.peerCertificates()));
    }

    @Override
    public boolean acceptsApplicationData() {
        return true;
    }

    @Override
    public String waitingFor() {
        return "connected (the handshake is over)";
    }
}
