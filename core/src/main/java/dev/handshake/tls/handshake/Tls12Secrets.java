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
     */
    public Tls12Secrets(TlsConfig config, CipherSuite suite, byte[] premaster, byte[] clientRandom,
                        byte[] serverRandom, boolean extendedMasterSecret, TranscriptHash transcript)
            throws TlsException {
        this.config = config;
        this.suite = suite;
        this.schedule = new Tls12KeySchedule(suite.hash(), config.crypto());
        this.masterSecret = extendedMasterSecret
            ? schedule.extendedMasterSecret(premaster, transcript.current())
            : schedule.masterSecret(premaster, clientRandom, serverRandom);
        Arrays.fill(premaster, (byte) 0);
        this.keys = schedule.keyBlock(masterSecret, clientRandom, serverRandom, suite.aead());
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
