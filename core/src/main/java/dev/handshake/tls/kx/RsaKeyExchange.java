package dev.handshake.tls.kx;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import javax.crypto.Cipher;

/**
 * The RSA key exchange (RFC 5246 §7.4.7.1): the client picks a 48-byte premaster secret
 * (its offered version + 46 random bytes) and encrypts it to the server's certificate key with
 * PKCS#1 v1.5. Whoever later obtains the server's private key can decrypt every recorded
 * session: there is no forward secrecy.
 *
 * <p>The server side defends against Bleichenbacher's attack (and ROBOT): it decrypts without
 * padding, checks padding, length and version without branching on secret data, and on any
 * failure continues with a random premaster secret. The handshake then fails at Finished, like
 * any other wrong key, so nothing tells a valid padding from an invalid one.
 */
public final class RsaKeyExchange {

    public static final int PREMASTER_LENGTH = 48;

    /** How the premaster secret comes about, for an explanation. */
    public static final String DERIVATION = "client_version (2 bytes) + 46 random bytes, chosen by the client and "
        + "sent encrypted to the server's RSA key (RSAES-PKCS1-v1_5)";

    private RsaKeyExchange() {
    }

    /** The client's premaster secret: client_version + 46 random bytes. */
    public static byte[] newPremasterSecret(ProtocolVersion clientVersion, SecureRandom random) {
        byte[] premaster = new byte[PREMASTER_LENGTH];
        random.nextBytes(premaster);
        premaster[0] = (byte) (clientVersion.code() >>> 8);
        premaster[1] = (byte) clientVersion.code();
        return premaster;
    }

    /** Encrypts the premaster secret to the server's public key (PKCS#1 v1.5). */
    public static byte[] encrypt(byte[] premaster, PublicKey serverKey, CryptoProvider crypto, SecureRandom random)
            throws TlsException {
        try {
            Cipher cipher = crypto.cipher("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, crypto.adopt(serverKey), random);
            return cipher.doFinal(premaster);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot encrypt the premaster secret to the server's key: " + e.getMessage(), e);
        }
    }

    /**
     * The premaster secret the server continues with: the client's if the ciphertext decrypts to a
     * well-formed 48-byte secret that starts with {@code clientVersion}, otherwise a random one.
     * Never throws on bad input.
     */
    public static byte[] decrypt(byte[] encrypted, PrivateKey serverKey, ProtocolVersion clientVersion,
                                 CryptoProvider crypto, SecureRandom random) throws TlsException {
        byte[] fallback = new byte[PREMASTER_LENGTH];
        random.nextBytes(fallback);
        int k = (((RSAKey) serverKey).getModulus().bitLength() + 7) / 8;
        if (encrypted.length != k) {
            // The length is public: it was on the wire. The handshake goes on with the random secret.
            return fallback;
        }
        byte[] em;
        try {
            Cipher cipher = crypto.cipher("RSA/ECB/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, crypto.adopt(serverKey));
            em = cipher.doFinal(encrypted);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            // Raised only for a ciphertext not below the modulus: public, not an oracle.
            return fallback;
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "the server's RSA key cannot decrypt: " + e.getMessage(), e);
        }
        if (em.length != k) {
            em = leftPad(em, k);
        }
        return select(em, k, clientVersion, fallback);
    }

    /**
     * EM = 0x00 || 0x02 || PS (at least 8 nonzero bytes) || 0x00 || premaster (48 bytes), and the
     * premaster starts with the client version. Evaluated over every byte, without early exit.
     */
    private static byte[] select(byte[] em, int k, ProtocolVersion clientVersion, byte[] fallback) {
        int separator = k - PREMASTER_LENGTH - 1;
        int bad = em[0] & 0xFF;
        bad |= (em[1] & 0xFF) ^ 0x02;
        for (int i = 2; i < separator; i++) {
            bad |= isZero(em[i]);
        }
        bad |= em[separator] & 0xFF;
        bad |= (em[separator + 1] & 0xFF) ^ (clientVersion.code() >>> 8);
        bad |= (em[separator + 2] & 0xFF) ^ (clientVersion.code() & 0xFF);
        // mask is 0xFF.. when everything matched, 0 otherwise.
        int mask = ((bad | -bad) >> 31) ^ -1;
        byte[] out = new byte[PREMASTER_LENGTH];
        for (int i = 0; i < PREMASTER_LENGTH; i++) {
            out[i] = (byte) ((em[separator + 1 + i] & mask) | (fallback[i] & ~mask));
        }
        return out;
    }

    /** 1 if b is zero, else 0, without a branch. */
    private static int isZero(byte b) {
        int v = b & 0xFF;
        return ((v - 1) >>> 31) & 1;
    }

    private static byte[] leftPad(byte[] value, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(value.length, length);
        System.arraycopy(value, value.length - copy, out, length - copy, copy);
        return out;
    }
}
