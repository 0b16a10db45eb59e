package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.Tls12KeySchedule;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.message.Finished;
import dev.handshake.tls.record.RecordProtection;
import dev.handshake.tls.record.Tls12AeadProtection;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The secrets of one TLS 1.2 handshake once the premaster secret is known: the master secret,
 * the record keys of both directions, and the Finished values.
 */
public final class Tls12Secrets {

    private final TlsConfig config;
    private final CipherSuite suite;
    private final Tls12KeySchedule schedule;
    private final byte[] masterSecret;
    private final Tls12KeySchedule.DirectionKeys[] keys;

    /**
     * Derives the master secret from the premaster secret and, with the extended master secret
     * (RFC 7627), from the hash of the handshake up to ClientKeyExchange; otherwise from both randoms.
     * The premaster secret is wiped.
     *
     * @param premasterDerivation how the premaster secret came about, for an observer
     */
    public Tls12Secrets(HandshakeContext context, CipherSuite suite, byte[] premaster, String premasterDerivation,
                        byte[] clientRandom, byte[] serverRandom, boolean extendedMasterSecret,
                        TranscriptHash transcript) throws TlsException {
        this.config = context.config();
        this.suite = suite;
        this.schedule = new Tls12KeySchedule(suite.hash(), config.crypto());
        this.masterSecret = extendedMasterSecret
            ? schedule.extendedMasterSecret(premaster, transcript.current())
            : schedule.masterSecret(premaster, clientRandom, serverRandom);
        this.keys = schedule.keyBlock(masterSecret, clientRandom, serverRandom, suite.aead());
        TlsObserver observer = context.observer();
        if (observer != null) {
            String prf = "PRF_" + suite.hash();
            observer.onEvent(new TlsEvent.Secret("pre_master_secret", premasterDerivation, clientRandom, premaster.clone()));
            observer.onEvent(new TlsEvent.Secret("master_secret", extendedMasterSecret
                ? prf + "(pre_master_secret, \"extended master secret\", session_hash)[0..47], "
                    + "session_hash = " + suite.hash() + "(ClientHello .. ClientKeyExchange) (RFC 7627)"
                : prf + "(pre_master_secret, \"master secret\", ClientHello.random + ServerHello.random)[0..47]",
                clientRandom, masterSecret.clone()));
            String keyBlock = prf + "(master_secret, \"key expansion\", server_random + client_random)";
            observer.onEvent(new TlsEvent.Secret("client_write_key", keyBlock, clientRandom, keys[0].key().clone()));
            observer.onEvent(new TlsEvent.Secret("server_write_key", keyBlock, clientRandom, keys[1].key().clone()));
            observer.onEvent(new TlsEvent.Secret("client_write_iv", keyBlock, clientRandom, keys[0].iv().clone()));
            observer.onEvent(new TlsEvent.Secret("server_write_iv", keyBlock, clientRandom, keys[1].iv().clone()));
        }
        Arrays.fill(premaster, (byte) 0);
    }

    /** Protection for records the client writes (and the server reads). */
    public RecordProtection clientWrite() throws TlsException {
        return protection(keys[0]);
    }

    /** Protection for records the server writes (and the client reads). */
    public RecordProtection serverWrite() throws TlsException {
        return protection(keys[1]);
    }

    private RecordProtection protection(Tls12KeySchedule.DirectionKeys direction) throws TlsException {
        return new Tls12AeadProtection(suite.aead(), direction.key(), direction.iv(), config.crypto());
    }

    /** Our Finished message over the transcript so far. */
    public Finished finished(boolean client, TranscriptHash transcript) throws TlsException {
        return new Finished(schedule.verifyData(masterSecret, client, transcript.current()));
    }

    /**
     * Checks the peer's Finished in constant time (RFC 5246 §7.4.9). A mismatch means the
     * handshake was altered in flight or the two sides derived different keys: decrypt_error.
     */
    public void checkFinished(boolean fromClient, Finished received, TranscriptHash transcript) throws TlsException {
        byte[] expected = schedule.verifyData(masterSecret, fromClient, transcript.current());
        if (!MessageDigest.isEqual(expected, received.verifyData())) {
            throw new TlsException(AlertDescription.DECRYPT_ERROR, "the " + (fromClient ? "client" : "server")
                + "'s Finished does not match the handshake: it was altered in flight, or the keys differ");
        }
    }
}
