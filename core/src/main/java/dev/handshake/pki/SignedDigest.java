package dev.handshake.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The two hashes an explanation shows: the hash of tbsCertificate, and for RSA PKCS#1 v1.5 the
 * hash the signature carries, recovered with the issuer's public key. Only computed when a
 * listener asks; the verdict always comes from {@link Signatures}.
 */
final class SignedDigest {

    private SignedDigest() {
    }

    /** The hash of the signed bytes under this JCA digest name, or null (EdDSA, unknown digest). */
    static byte[] of(byte[] tbs, String digest) {
        if (digest == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance(digest).digest(tbs);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * RFC 8017 §8.2.2: s^e mod n gives EM = 0x00 01 FF..FF 00 || DigestInfo; returns the digest
     * inside DigestInfo, or null when the key is not RSA or the block is not of that form.
     */
    static byte[] recoverRsa(byte[] signature, PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            return null;
        }
        int k = (rsa.getModulus().bitLength() + 7) / 8;
        BigInteger s = new BigInteger(1, signature);
        if (signature.length != k || s.compareTo(rsa.getModulus()) >= 0) {
            return null;
        }
        byte[] m = s.modPow(rsa.getPublicExponent(), rsa.getModulus()).toByteArray();
        byte[] em = new byte[k];
        int copy = Math.min(m.length, k);
        System.arraycopy(m, m.length - copy, em, k - copy, copy);
        if (em[0] != 0 || em[1] != 1) {
            return null;
        }
        int i = 2;
        while (i < k && em[i] == (byte) 0xFF) {
            i++;
        }
        if (i >= k || em[i] != 0) {
            return null;
        }
        byte[] digestInfo = new byte[k - i - 1];
        System.arraycopy(em, i + 1, digestInfo, 0, digestInfo.length);
        try {
            DerReader info = new DerReader(digestInfo).next(DerReader.SEQUENCE).children();
            info.next(DerReader.SEQUENCE);
            return info.next(DerReader.OCTET_STRING).contents();
        } catch (IOException e) {
            return null;
        }
    }
}
