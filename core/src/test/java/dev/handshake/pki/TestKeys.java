package dev.handshake.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/** Key pairs for tests, generated once per run and handed out round-robin: RSA key generation is slow. */
public final class TestKeys {

    private static final List<KeyPair> RSA = new ArrayList<>();
    private static int next;

    private TestKeys() {
    }

    /** A fresh-looking RSA-2048 key pair; after the pool of 12 fills, pairs repeat. */
    public static synchronized KeyPair rsa() {
        if (RSA.size() < 12) {
            RSA.add(generate("RSA", 2048));
            return RSA.get(RSA.size() - 1);
        }
        return RSA.get(next++ % RSA.size());
    }

    public static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ed25519() {
        return generate("Ed25519", 0);
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
