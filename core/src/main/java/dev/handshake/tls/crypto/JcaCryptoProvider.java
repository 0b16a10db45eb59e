package dev.handshake.tls.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/** {@link CryptoProvider} over JCA, optionally preferring one provider. */
final class JcaCryptoProvider implements CryptoProvider {

    static final JcaCryptoProvider DEFAULT = new JcaCryptoProvider(null);

    private final Provider preferred;
    private final ThreadLocal<Cipher[]> aeadCiphers = ThreadLocal.withInitial(
        () -> new Cipher[2 * AeadAlgorithm.values().length]);

    JcaCryptoProvider(Provider preferred) {
        this.preferred = preferred;
    }

    private interface Lookup<T> {
        T get(Provider provider) throws GeneralSecurityException;
    }

    private interface Fallback<T> {
        T get() throws GeneralSecurityException;
    }

    private <T> T find(Lookup<T> fromPreferred, Fallback<T> fromJdk) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return fromPreferred.get(preferred);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
                // The preferred provider does not offer it; the JDK's providers will.
            }
        }
        return fromJdk.get();
    }

    @Override
    public MessageDigest messageDigest(String algorithm) throws GeneralSecurityException {
        return find(p -> MessageDigest.getInstance(algorithm, p), () -> MessageDigest.getInstance(algorithm));
    }

    @Override
    public Mac mac(String algorithm) throws GeneralSecurityException {
        return find(p -> Mac.getInstance(algorithm, p), () -> Mac.getInstance(algorithm));
    }

    @Override
    public Cipher cipher(String transformation) throws GeneralSecurityException {
        return find(p -> Cipher.getInstance(transformation, p), () -> Cipher.getInstance(transformation));
    }

    @Override
    public Cipher aeadCipher(AeadAlgorithm aead, boolean encrypt) throws GeneralSecurityException {
        Cipher[] ciphers = aeadCiphers.get();
        int slot = 2 * aead.ordinal() + (encrypt ? 1 : 0);
        Cipher cipher = ciphers[slot];
        if (cipher == null) {
            cipher = cipher(aead.transformation());
            ciphers[slot] = cipher;
        }
        return cipher;
    }

    @Override
    public Signature signature(String algorithm) throws GeneralSecurityException {
        return find(p -> Signature.getInstance(algorithm, p), () -> Signature.getInstance(algorithm));
    }

    @Override
    public KeyAgreement keyAgreement(String algorithm) throws GeneralSecurityException {
        return find(p -> KeyAgreement.getInstance(algorithm, p), () -> KeyAgreement.getInstance(algorithm));
    }

    @Override
    public KeyPairGenerator keyPairGenerator(String algorithm) throws GeneralSecurityException {
        return find(p -> KeyPairGenerator.getInstance(algorithm, p), () -> KeyPairGenerator.getInstance(algorithm));
    }

    @Override
    public KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        return find(p -> KeyFactory.getInstance(algorithm, p), () -> KeyFactory.getInstance(algorithm));
    }
}
