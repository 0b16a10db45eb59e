package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signing and verifying with a TLS signature scheme over JCA (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1).
 */
public final class TlsSignatures {

    private TlsSignatures() {
    }

    /**
     * Whether a key can sign or verify with this scheme. In TLS 1.3 an ECDSA scheme also names the
     * curve; in TLS 1.2 it names only the hash.
     */
    public static boolean keyMatches(SignatureScheme scheme, Key key, boolean tls13) {
        String algorithm = key.getAlgorithm();
        return switch (scheme.code()) {
            case 0x0401, 0x0501, 0x0601, 0x0804, 0x0805, 0x0806 -> algorithm.equals("RSA");
            case 0x0809, 0x080A, 0x080B -> algorithm.equals("RSASSA-PSS");
            case 0x0403 -> isEc(key) && (!tls13 || curveBits(key) == 256);
            case 0x0503 -> isEc(key) && (!tls13 || curveBits(key) == 384);
            case 0x0603 -> isEc(key) && (!tls13 || curveBits(key) == 521);
            case 0x0807 -> algorithm.equals("Ed25519") || algorithm.equals("EdDSA");
            default -> false;
        };
    }

    /** The preferred scheme for a key among the ones the peer accepts, or {@code null}. */
    public static SignatureScheme choose(java.util.List<SignatureScheme> ours, java.util.List<SignatureScheme> peers,
                                         Key key, boolean tls13) {
        SignatureScheme fallback = null;
        for (SignatureScheme scheme : ours) {
            if (peers.contains(scheme) && keyMatches(scheme, key, tls13)) {
                // Prefer the scheme whose curve matches the key even where TLS 1.2 does not require it.
                if (keyMatches(scheme, key, true)) {
                    return scheme;
                }
                if (fallback == null) {
                    fallback = scheme;
                }
            }
        }
        return fallback;
    }

    public static byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] data, CryptoProvider crypto,
                              SecureRandom random) throws TlsException {
        try {
            Signature signature = instance(scheme, crypto);
            signature.initSign(crypto.adopt(key), random);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot sign with " + scheme + ": " + e.getMessage(), e);
        }
    }

    /** Whether the signature is valid. A malformed signature is simply not valid. */
    public static boolean verify(SignatureScheme scheme, PublicKey key, byte[] data, byte[] signatureBytes,
                                 CryptoProvider crypto) throws TlsException {
        Signature signature;
        try {
            signature = instance(scheme, crypto);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot verify " + scheme + " signatures: " + e.getMessage(), e);
        }
        try {
            signature.initVerify(crypto.adopt(key));
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature instance(SignatureScheme scheme, CryptoProvider crypto) throws GeneralSecurityException {
        return switch (scheme.code()) {
            case 0x0401 -> crypto.signature("SHA256withRSA");
            case 0x0501 -> crypto.signature("SHA384withRSA");
            case 0x0601 -> crypto.signature("SHA512withRSA");
            case 0x0403 -> crypto.signature("SHA256withECDSA");
            case 0x0503 -> crypto.signature("SHA384withECDSA");
            case 0x0603 -> crypto.signature("SHA512withECDSA");
            case 0x0804, 0x0809 -> pss(crypto, "SHA-256", MGF1ParameterSpec.SHA256, 32);
            case 0x0805, 0x080A -> pss(crypto, "SHA-384", MGF1ParameterSpec.SHA384, 48);
            case 0x0806, 0x080B -> pss(crypto, "SHA-512", MGF1ParameterSpec.SHA512, 64);
            case 0x0807 -> crypto.signature("Ed25519");
            default -> throw new java.security.NoSuchAlgorithmException("signature scheme " + scheme + " is not supported");
        };
    }

    /** RFC 8446 §4.2.3: RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash. */
    private static Signature pss(CryptoProvider crypto, String hash, MGF1ParameterSpec mgf, int saltLength)
            throws GeneralSecurityException {
        Signature signature = crypto.signature("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, saltLength, 1));
        return signature;
    }

    private static boolean isEc(Key key) {
        return key instanceof ECKey;
    }

    private static int curveBits(Key key) {
        return ((ECKey) key).getParams().getCurve().getField().getFieldSize();
    }
}
