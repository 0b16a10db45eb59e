package dev.handshake.tls.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/** {@link CryptoProvider} over JCA, optionally preferring one provider. */
final class JcaCryptoProvider implements CryptoProvider {

    static final JcaCryptoProvider DEFAULT = new JcaCryptoProvider(null);

    private final Provider preferred;
    /** Keys translated into the preferred provider, forgotten with the key they came from. */
    private final Map<Key, Key> adopted = Collections.synchronizedMap(new WeakHashMap<>());
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
    @SuppressWarnings("unchecked")
    public <K extends Key> K adopt(K key) {
        if (preferred == null) {
            return key;
        }
        Key translated = adopted.computeIfAbsent(key, this::translate);
        return (K) translated;
    }

    private Key translate(Key key) {
        try {
            KeyFactory factory = KeyFactory.getInstance(key.getAlgorithm(), preferred);
            Key translated = factory.translateKey(key);
            return sameKind(key, translated) ? translated : key;
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /** Whether the translation kept the key's role: a private key stays private, a public one public. */
    private static boolean sameKind(Key original, Key translated) {
        return (original instanceof PrivateKey) == (translated instanceof PrivateKey)
            && (original instanceof PublicKey) == (translated instanceof PublicKey);
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
