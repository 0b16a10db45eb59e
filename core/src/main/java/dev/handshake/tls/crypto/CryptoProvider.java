package dev.handshake.tls.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;

/**
 * The seam between the protocol and the cryptography. Protocol code never names a JCA provider;
 * it asks this object. {@link #jca()} uses the JDK's provider list; {@link #jca(Provider)} puts
 * one provider (such as a native one) first and falls back to the JDK for what it lacks.
 */
public interface CryptoProvider {

    MessageDigest messageDigest(String algorithm) throws GeneralSecurityException;

    Mac mac(String algorithm) throws GeneralSecurityException;

    Cipher cipher(String transformation) throws GeneralSecurityException;

    /**
     * A cipher for this AEAD that belongs to the calling thread, one for sealing and one for opening:
     * initialise it, use it and forget it within one call, never keep it. Record protection takes
     * one per record, so an idle connection holds no cipher state. (Separate ciphers per direction,
     * because the JDK's ChaCha20 refuses to be initialised twice in a row with one key and nonce,
     * which is what a peer's seal followed by our open on one thread would do.)
     */
    Cipher aeadCipher(AeadAlgorithm aead, boolean encrypt) throws GeneralSecurityException;

    Signature signature(String algorithm) throws GeneralSecurityException;

    KeyAgreement keyAgreement(String algorithm) throws GeneralSecurityException;

    KeyPairGenerator keyPairGenerator(String algorithm) throws GeneralSecurityException;

    KeyFactory keyFactory(String algorithm) throws GeneralSecurityException;

    /**
     * The key as this provider's own kind of key object. A native provider handed a JDK key object
     * converts it on every operation; a certificate's or credential's key is translated once here
     * and reused. Keys the provider cannot translate come back as they are.
     */
    <K extends Key> K adopt(K key);

    /** The JDK's installed providers, in their configured order. */
    static CryptoProvider jca() {
        return JcaCryptoProvider.DEFAULT;
    }

    /** {@code preferred} first; the installed providers for whatever it does not offer. */
    static CryptoProvider jca(Provider preferred) {
        return new JcaCryptoProvider(preferred);
    }
}
