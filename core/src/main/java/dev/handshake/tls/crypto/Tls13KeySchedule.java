package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1), one instance per handshake and cipher suite hash.
 * The methods follow the RFC's diagram from top to bottom:
 *
 * <pre>
 *            0
 *            |
 *  PSK -&gt; HKDF-Extract = Early Secret ----&gt; binder_key, client_early_traffic_secret,
 *            |                                 early_exporter_master_secret
 *      Derive-Secret(., "derived", "")
 *            |
 * (EC)DHE -&gt; HKDF-Extract = Handshake Secret -&gt; [sender]_handshake_traffic_secret
 *            |
 *      Derive-Secret(., "derived", "")
 *            |
 *  0 -&gt; HKDF-Extract = Master Secret -------&gt; [sender]_application_traffic_secret_0,
 *                                               exporter_master_secret, resumption_master_secret
 * </pre>
 *
 * Secrets are plain byte arrays owned by the caller, who erases them once every value derived
 * from them is computed (§7.1). Intermediates made here are erased here.
 */
public final class Tls13KeySchedule {

    /** §7.1 label of client_early_traffic_secret, over ClientHello. */
    public static final String CLIENT_EARLY_TRAFFIC = "c e traffic";
    /** §7.1 label of early_exporter_master_secret, over ClientHello. */
    public static final String EARLY_EXPORTER_MASTER = "e exp master";
    /** §7.1 label of client_handshake_traffic_secret, over ClientHello...ServerHello. */
    public static final String CLIENT_HANDSHAKE_TRAFFIC = "c hs traffic";
    /** §7.1 label of server_handshake_traffic_secret, over ClientHello...ServerHello. */
    public static final String SERVER_HANDSHAKE_TRAFFIC = "s hs traffic";
    /** §7.1 label of client_application_traffic_secret_0, over ClientHello...server Finished. */
    public static final String CLIENT_APPLICATION_TRAFFIC = "c ap traffic";
    /** §7.1 label of server_application_traffic_secret_0, over ClientHello...server Finished. */
    public static final String SERVER_APPLICATION_TRAFFIC = "s ap traffic";
    /** §7.1 label of exporter_master_secret, over ClientHello...server Finished. */
    public static final String EXPORTER_MASTER = "exp master";
    /** §7.1 label of resumption_master_secret, over ClientHello...client Finished. */
    public static final String RESUMPTION_MASTER = "res master";

    /** The write key and IV of one direction (RFC 8446 §7.3). */
    public record TrafficKeys(byte[] key, byte[] iv) {

        /** Overwrites the key and IV with zeros. */
        public void erase() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }

    private final HashAlgorithm hash;
    private final Hkdf hkdf;
    private final MessageDigest digest;
    private final byte[] emptyHash;

    public Tls13KeySchedule(HashAlgorithm hash, CryptoProvider crypto) throws TlsException {
        this.hash = hash;
        this.hkdf = new Hkdf(hash, crypto);
        try {
            this.digest = crypto.messageDigest(hash.jcaName());
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + hash.jcaName() + " available", e);
        }
        this.emptyHash = digest.digest();
    }

    /** Transcript-Hash of no messages, Hash(""): the context of Derive-Secret(., label, ""). */
    public byte[] emptyHash() {
        return emptyHash.clone();
    }

    /** §7.1: Early Secret = HKDF-Extract(0, PSK); a null PSK (none in use) is Hash.length zeros. */
    public byte[] earlySecret(byte[] psk) throws TlsException {
        return hkdf.extract(null, psk == null ? new byte[hash.length()] : psk);
    }

    /**
     * §7.1: binder_key = Derive-Secret(Early Secret, "res binder" | "ext binder", ""). The label is
     * "res binder" for a PSK from a NewSessionTicket, "ext binder" for one provisioned outside
     * TLS. The binder itself is {@link #finishedVerifyData} with this as the base key, over the
     * hash of the ClientHello truncated before its binders list (§4.2.11.2).
     */
    public byte[] binderKey(byte[] earlySecret, boolean resumption) throws TlsException {
        return deriveSecret(earlySecret, resumption ? "res binder" : "ext binder", emptyHash);
    }

    /**
     * §7.1: Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE).
     * A null shared secret (a psk_ke handshake without (EC)DHE) is Hash.length zeros.
     */
    public byte[] handshakeSecret(byte[] earlySecret, byte[] sharedSecret) throws TlsException {
        return extractAfterDerived(earlySecret, sharedSecret);
    }

    /** §7.1: Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0). */
    public byte[] masterSecret(byte[] handshakeSecret) throws TlsException {
        return extractAfterDerived(handshakeSecret, null);
    }

    private byte[] extractAfterDerived(byte[] secret, byte[] ikm) throws TlsException {
        byte[] derived = deriveSecret(secret, "derived", emptyHash);
        try {
            return hkdf.extract(derived, ikm == null ? new byte[hash.length()] : ikm);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * §7.1: Derive-Secret(Secret, Label, Messages), given the transcript hash of the messages:
     * one of the label constants of this class with the secret and transcript the RFC pairs it with.
     */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) throws TlsException {
        return hkdf.deriveSecret(secret, label, transcriptHash);
    }

    /**
     * §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and
     * [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length).
     */
    public TrafficKeys trafficKeys(byte[] trafficSecret, AeadAlgorithm aead) throws TlsException {
        byte[] key = hkdf.expandLabel(trafficSecret, "key", new byte[0], aead.keyLength());
        byte[] iv = hkdf.expandLabel(trafficSecret, "iv", new byte[0], aead.nonceLength());
        return new TrafficKeys(key, iv);
    }

    /**
     * §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length);
     * verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*,
     * CertificateVerify*)). The base key is the sender's handshake traffic secret for Finished,
     * or the binder_key for a PSK binder (§4.2.11.2).
     */
    public byte[] finishedVerifyData(byte[] baseKey, byte[] transcriptHash) throws TlsException {
        byte[] finishedKey = hkdf.expandLabel(baseKey, "finished", new byte[0], hash.length());
        try {
            return hkdf.hmac(finishedKey, transcriptHash);
        } finally {
            Arrays.fill(finishedKey, (byte) 0);
        }
    }

    /**
     * §7.2 (on KeyUpdate, §4.6.3): application_traffic_secret_N+1 =
     * HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length).
     */
    public byte[] nextTrafficSecret(byte[] trafficSecret) throws TlsException {
        return hkdf.expandLabel(trafficSecret, "traffic upd", new byte[0], hash.length());
    }

    /**
     * §4.6.1: the PSK of a ticket = HKDF-Expand-Label(resumption_master_secret, "resumption",
     * ticket_nonce, Hash.length).
     */
    public byte[] resumptionPsk(byte[] resumptionMasterSecret, byte[] ticketNonce) throws TlsException {
        return hkdf.expandLabel(resumptionMasterSecret, "resumption", ticketNonce, hash.length());
    }

    /**
     * §7.5: TLS-Exporter(label, context_value, key_length) =
     * HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length),
     * where Secret is the exporter_master_secret (or, only where the application asks for it,
     * the early_exporter_master_secret). No context (null) is the same as an empty one.
     *
     * @throws IllegalArgumentException when the label or length cannot be encoded (§7.1)
     */
    public byte[] exportKeyingMaterial(byte[] exporterMasterSecret, String label, byte[] context, int length)
        throws TlsException {
        byte[] contextHash = context == null ? emptyHash : digest.digest(context);
        byte[] secret = deriveSecret(exporterMasterSecret, label, emptyHash);
        try {
            return hkdf.expandLabel(secret, "exporter", contextHash, length);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
