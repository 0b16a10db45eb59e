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
    private final Map<Key, Key> adopted = new WeakHashMap<>();
    private final ThreadLocal<Cipher[]> aeadCiphers = new ThreadLocal<>() {
        @Override
        protected Cipher[] initialValue() {
            return new Cipher[2 * AeadAlgorithm.values().length];
        }
    };

    JcaCryptoProvider(Provider preferred) {
        this.preferred = preferred;
    }

    // Each lookup tries the preferred provider first and falls back to the installed ones. Written out
    // rather than through a shared helper taking lambdas: these run on every handshake and on the
    // first one of a fresh JVM, where each lambda costs a class.

    @Override
    public MessageDigest messageDigest(String algorithm) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return MessageDigest.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return MessageDigest.getInstance(algorithm);
    }

    @Override
    public Mac mac(String algorithm) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return Mac.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return Mac.getInstance(algorithm);
    }

    @Override
    public Cipher cipher(String transformation) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return Cipher.getInstance(transformation, preferred);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
                // Not offered by the preferred provider.
            }
        }
        return Cipher.getInstance(transformation);
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
        Key translated;
        synchronized (adopted) {
            translated = adopted.get(key);
            if (translated == null) {
                translated = translate(key);
                adopted.put(key, translated);
            }
        }
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
        if (preferred != null) {
            try {
                return Signature.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return Signature.getInstance(algorithm);
    }

    @Override
    public KeyAgreement keyAgreement(String algorithm) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return KeyAgreement.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return KeyAgreement.getInstance(algorithm);
    }

    @Override
    public KeyPairGenerator keyPairGenerator(String algorithm) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return KeyPairGenerator.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return KeyPairGenerator.getInstance(algorithm);
    }

    @Override
    public KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        if (preferred != null) {
            try {
                return KeyFactory.getInstance(algorithm, preferred);
            } catch (NoSuchAlgorithmException e) {
                // Not offered by the preferred provider.
            }
        }
        return KeyFactory.getInstance(algorithm);
    }
}
