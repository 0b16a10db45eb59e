package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) over the HMAC of one hash, and the two TLS 1.3 functions built on it,
 * HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1). Holds one {@link Mac}: use an instance
 * from one thread at a time.
 */
public final class Hkdf {

    /** RFC 8446 §7.1: every HkdfLabel.label starts with this. */
    private static final byte[] LABEL_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);

    private final HashAlgorithm hash;
    private final Mac mac;

    public Hkdf(HashAlgorithm hash, CryptoProvider crypto) throws TlsException {
        this.hash = hash;
        try {
            this.mac = crypto.mac(hash.hmacName());
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + hash.hmacName() + " available", e);
        }
    }

    /**
     * RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM). A null or empty salt stands for HashLen zero
     * bytes, as the RFC says.
     */
    public byte[] extract(byte[] salt, byte[] ikm) throws TlsException {
        return hmac(salt == null || salt.length == 0 ? new byte[hash.length()] : salt, ikm);
    }

    /**
     * RFC 5869 §2.3: OKM = the first {@code length} bytes of T(1) | T(2) | ..., where
     * T(i) = HMAC-Hash(PRK, T(i-1) | info | i) and T(0) is empty.
     *
     * @throws IllegalArgumentException when {@code length} exceeds 255 * HashLen
     */
    public byte[] expand(byte[] prk, byte[] info, int length) throws TlsException {
        if (length < 0 || length > 255 * hash.length()) {
            throw new IllegalArgumentException("HKDF-Expand cannot produce " + length + " bytes with " + hash);
        }
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        try {
            init(prk);
            for (int i = 1, filled = 0; filled < length; i++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                Arrays.fill(t, (byte) 0);
                t = mac.doFinal();
                int n = Math.min(t.length, length - filled);
                System.arraycopy(t, 0, okm, filled, n);
                filled += n;
            }
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "HKDF-Expand failed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(t, (byte) 0);
        }
        return okm;
    }

    /**
     * RFC 8446 §7.1: HKDF-Expand-Label(Secret, Label, Context, Length) =
     * HKDF-Expand(Secret, HkdfLabel, Length), where HkdfLabel is
     * {@code uint16 length; opaque label<7..255> = "tls13 " + Label; opaque context<0..255>}.
     *
     * @throws IllegalArgumentException when the label or context does not fit its vector
     */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) throws TlsException {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int fullLabelLength = LABEL_PREFIX.length + labelBytes.length;
        if (fullLabelLength > 255 || context.length > 255) {
            throw new IllegalArgumentException("HKDF-Expand-Label cannot encode label \"" + label + "\" with a "
                + context.length + "-byte context and length " + length);
        }
        byte[] hkdfLabel = new byte[2 + 1 + fullLabelLength + 1 + context.length];
        int at = 0;
        hkdfLabel[at++] = (byte) (length >>> 8);
        hkdfLabel[at++] = (byte) length;
        hkdfLabel[at++] = (byte) fullLabelLength;
        System.arraycopy(LABEL_PREFIX, 0, hkdfLabel, at, LABEL_PREFIX.length);
        at += LABEL_PREFIX.length;
        System.arraycopy(labelBytes, 0, hkdfLabel, at, labelBytes.length);
        at += labelBytes.length;
        hkdfLabel[at++] = (byte) context.length;
        System.arraycopy(context, 0, hkdfLabel, at, context.length);
        return expand(secret, hkdfLabel, length);
    }

    /**
     * RFC 8446 §7.1: Derive-Secret(Secret, Label, Messages) =
     * HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). The caller
     * passes the transcript hash, not the messages.
     */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) throws TlsException {
        return expandLabel(secret, label, transcriptHash, hash.length());
    }

    /** HMAC-Hash(key, data) (RFC 2104), the function HKDF is built on; TLS 1.3 also uses it for Finished. */
    public byte[] hmac(byte[] key, byte[] data) throws TlsException {
        try {
            init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "HMAC failed: " + e.getMessage(), e);
        }
    }

    private void init(byte[] key) throws GeneralSecurityException {
        // RFC 2104 §2: a key is padded with zeros to the block size, so an empty key equals a zero
        // byte; SecretKeySpec rejects an empty array.
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac.getAlgorithm()));
    }
}
