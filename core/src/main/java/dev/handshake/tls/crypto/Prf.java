package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 pseudo-random function (RFC 5246 §5):
 *
 * <pre>
 * PRF(secret, label, seed) = P_&lt;hash&gt;(secret, label + seed)
 * P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...
 * A(0) = seed,  A(i) = HMAC_hash(secret, A(i-1))
 * </pre>
 */
public final class Prf {

    private final Mac mac;

    public Prf(HashAlgorithm hash, CryptoProvider crypto) throws TlsException {
        try {
            this.mac = crypto.mac(hash.hmacName());
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + hash.hmacName() + " available", e);
        }
    }

    /** {@code PRF(secret, label, seed)} truncated to {@code length} bytes. */
    public byte[] compute(byte[] secret, String label, byte[] seed, int length) throws TlsException {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelAndSeed = new byte[labelBytes.length + seed.length];
        System.arraycopy(labelBytes, 0, labelAndSeed, 0, labelBytes.length);
        System.arraycopy(seed, 0, labelAndSeed, labelBytes.length, seed.length);
        try {
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, mac.getAlgorithm()));
            byte[] out = new byte[length];
            byte[] a = labelAndSeed;
            int filled = 0;
            while (filled < length) {
                a = mac.doFinal(a);
                mac.update(a);
                byte[] block = mac.doFinal(labelAndSeed);
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "the TLS 1.2 PRF failed: " + e.getMessage(), e);
        }
    }
}
