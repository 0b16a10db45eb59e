package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.Tls13KeySchedule;
import dev.handshake.tls.record.RecordProtection;
import dev.handshake.tls.record.Tls13AeadProtection;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.security.MessageDigest;

/**
 * The TLS 1.3 secrets of one connection, derived step by step as the handshake reaches each
 * point of RFC 8446 §7.1 — early secret, handshake traffic secrets, application traffic secrets,
 * resumption master secret — and reported to the observer under their RFC names.
 */
public final class Tls13Keys {

    private final HandshakeContext context;
    private final CipherSuite suite;
    private final Tls13KeySchedule schedule;
    private final byte[] clientRandom;
    private final byte[] earlySecret;
    private byte[] handshakeSecret;
    private byte[] clientHandshakeTrafficSecret;
    private byte[] serverHandshakeTrafficSecret;
    private byte[] clientApplicationTrafficSecret;
    private byte[] serverApplicationTrafficSecret;
    private byte[] masterSecret;

    /** Starts the schedule: Early Secret = HKDF-Extract(0, PSK), with a zero PSK for a full handshake. */
    public Tls13Keys(HandshakeContext context, CipherSuite suite, byte[] psk, byte[] clientRandom) throws TlsException {
        this.context = context;
        this.suite = suite;
        this.schedule = new Tls13KeySchedule(suite.hash(), context.config().crypto());
        this.clientRandom = clientRandom;
        this.earlySecret = schedule.earlySecret(psk);
        report("early_secret", psk == null ? "HKDF-Extract(0, 0): no pre-shared key"
            : "HKDF-Extract(0, PSK): the pre-shared key from the session ticket", earlySecret);
    }

    /** RFC 8446 §4.2.11.2: the binder for a resumption PSK over the transcript hash up to the binders. */
    public static byte[] binder(HandshakeContext context, CipherSuite suite, byte[] psk, byte[] truncatedHash)
            throws TlsException {
        Tls13KeySchedule schedule = new Tls13KeySchedule(suite.hash(), context.config().crypto());
        byte[] binderKey = schedule.binderKey(schedule.earlySecret(psk), true);
        return schedule.finishedVerifyData(binderKey, truncatedHash);
    }

    /**
     * Handshake Secret = HKDF-Extract(Derive-Secret(Early, "derived", ""), (EC)DHE), and the two
     * handshake traffic secrets over ClientHello..ServerHello.
     */
    public void handshake(byte[] sharedSecret, String sharedDerivation, byte[] helloHash) throws TlsException {
        handshakeSecret = schedule.handshakeSecret(earlySecret, sharedSecret);
        clientHandshakeTrafficSecret = schedule.deriveSecret(handshakeSecret, "c hs traffic", helloHash);
        serverHandshakeTrafficSecret = schedule.deriveSecret(handshakeSecret, "s hs traffic", helloHash);
        report("shared_secret", sharedDerivation, sharedSecret);
        report("handshake_secret", "HKDF-Extract(Derive-Secret(early_secret, \"derived\", \"\"), shared_secret)",
            handshakeSecret);
        report("client_handshake_traffic_secret",
            "Derive-Secret(handshake_secret, \"c hs traffic\", ClientHello..ServerHello)", clientHandshakeTrafficSecret);
        report("server_handshake_traffic_secret",
            "Derive-Secret(handshake_secret, \"s hs traffic\", ClientHello..ServerHello)", serverHandshakeTrafficSecret);
    }

    /**
     * Master Secret and the application traffic secrets over ClientHello..server Finished, and the
     * exporter master secret.
     */
    public void application(byte[] throughServerFinished) throws TlsException {
        byte[] masterSecret = schedule.masterSecret(handshakeSecret);
        clientApplicationTrafficSecret = schedule.deriveSecret(masterSecret, "c ap traffic", throughServerFinished);
        serverApplicationTrafficSecret = schedule.deriveSecret(masterSecret, "s ap traffic", throughServerFinished);
        byte[] exporter = schedule.deriveSecret(masterSecret, "exp master", throughServerFinished);
        report("master_secret", "HKDF-Extract(Derive-Secret(handshake_secret, \"derived\", \"\"), 0)", masterSecret);
        report("client_application_traffic_secret_0",
            "Derive-Secret(master_secret, \"c ap traffic\", ClientHello..server Finished)", clientApplicationTrafficSecret);
        report("server_application_traffic_secret_0",
            "Derive-Secret(master_secret, \"s ap traffic\", ClientHello..server Finished)", serverApplicationTrafficSecret);
        report("exporter_master_secret", "Derive-Secret(master_secret, \"exp master\", ClientHello..server Finished)",
            exporter);
        this.masterSecret = masterSecret;
    }

    /** resumption_master_secret = Derive-Secret(master_secret, "res master", ClientHello..client Finished). */
    public byte[] resumptionMasterSecret(byte[] throughClientFinished) throws TlsException {
        byte[] secret = schedule.deriveSecret(masterSecret, "res master", throughClientFinished);
        report("resumption_master_secret",
            "Derive-Secret(master_secret, \"res master\", ClientHello..client Finished)", secret);
        return secret;
    }

    public RecordProtection clientHandshakeProtection() throws TlsException {
        return protection(clientHandshakeTrafficSecret);
    }

    public RecordProtection serverHandshakeProtection() throws TlsException {
        return protection(serverHandshakeTrafficSecret);
    }

    public byte[] clientApplicationTrafficSecret() {
        return clientApplicationTrafficSecret;
    }

    public byte[] serverApplicationTrafficSecret() {
        return serverApplicationTrafficSecret;
    }

    /** Record protection from a traffic secret: key and IV by HKDF-Expand-Label (RFC 8446 §7.3). */
    public RecordProtection protection(byte[] trafficSecret) throws TlsException {
        return Tls13AeadProtection.fromTrafficSecret(schedule, trafficSecret, suite.aead(), context.config().crypto());
    }

    /** The Finished this side sends (RFC 8446 §4.4.4). */
    public byte[] finished(boolean client, byte[] transcriptHash) throws TlsException {
        return schedule.finishedVerifyData(client ? clientHandshakeTrafficSecret : serverHandshakeTrafficSecret,
            transcriptHash);
    }

    /** Checks the peer's Finished in constant time: a mismatch is decrypt_error (RFC 8446 §4.4.4). */
    public void checkFinished(boolean fromClient, byte[] received, byte[] transcriptHash) throws TlsException {
        byte[] expected = finished(fromClient, transcriptHash);
        if (!MessageDigest.isEqual(expected, received)) {
            throw new TlsException(AlertDescription.DECRYPT_ERROR, "the " + (fromClient ? "client" : "server")
                + "'s Finished does not match the handshake: it was altered in flight, or the keys differ");
        }
    }

    /** The PSK a ticket stands for: HKDF-Expand-Label(resumption_master_secret, "resumption", nonce, Hash.length). */
    public byte[] resumptionPsk(byte[] resumptionMasterSecret, byte[] ticketNonce) throws TlsException {
        return schedule.resumptionPsk(resumptionMasterSecret, ticketNonce);
    }

    private void report(String name, String derivation, byte[] value) {
        TlsObserver observer = context.observer();
        if (observer != null) {
            observer.onEvent(new TlsEvent.Secret(name, derivation, clientRandom, value.clone()));
        }
    }
}
