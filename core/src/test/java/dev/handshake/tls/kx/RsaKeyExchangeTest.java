package dev.handshake.tls.kx;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.crypto.CryptoProvider;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5246 §7.4.7.1: every kind of bad ciphertext silently yields a fresh random premaster secret. */
class RsaKeyExchangeTest {

    private static final KeyPair KEYS = generate();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CryptoProvider CRYPTO = CryptoProvider.jca();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(byte[] ciphertext) throws Exception {
        return RsaKeyExchange.decrypt(ciphertext, KEYS.getPrivate(), ProtocolVersion.TLS12, CRYPTO, RANDOM);
    }

    @Test
    void aWellFormedPremasterSecretComesBack() throws Exception {
        byte[] premaster = RsaKeyExchange.newPremasterSecret(ProtocolVersion.TLS12, RANDOM);
        byte[] encrypted = RsaKeyExchange.encrypt(premaster, KEYS.getPublic(), CRYPTO, RANDOM);
        assertThat(decrypt(encrypted)).isEqualTo(premaster);
    }

    @Test
    void aWrongVersionYieldsARandomSecret() throws Exception {
        byte[] premaster = RsaKeyExchange.newPremasterSecret(ProtocolVersion.TLS11, RANDOM);
        byte[] encrypted = RsaKeyExchange.encrypt(premaster, KEYS.getPublic(), CRYPTO, RANDOM);
        assertRandom(encrypted, premaster);
    }

    @Test
    void aWrongLengthYieldsARandomSecret() throws Exception {
        byte[] premaster = new byte[47];
        premaster[0] = 3;
        premaster[1] = 3;
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, KEYS.getPublic());
        assertRandom(cipher.doFinal(premaster), null);
    }

    @Test
    void badPaddingYieldsARandomSecret() throws Exception {
        // A raw RSA encryption of a block that does not start 00 02.
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        byte[] block = new byte[256];
        block[1] = 1;
        block[255 - 48] = 0;
        block[255 - 47] = 3;
        block[255 - 46] = 3;
        byte[] c = new BigInteger(1, block).modPow(key.getPublicExponent(), key.getModulus()).toByteArray();
        byte[] fixed = new byte[256];
        System.arraycopy(c, Math.max(0, c.length - 256), fixed, Math.max(0, 256 - c.length), Math.min(256, c.length));
        assertRandom(fixed, null);
    }

    @Test
    void aCiphertextOfTheWrongSizeOrAboveTheModulusYieldsARandomSecret() throws Exception {
        assertRandom(new byte[10], null);
        byte[] tooBig = new byte[256];
        java.util.Arrays.fill(tooBig, (byte) 0xFF);
        assertRandom(tooBig, null);
    }

    private static void assertRandom(byte[] ciphertext, byte[] notThis) throws Exception {
        byte[] first = decrypt(ciphertext);
        byte[] second = decrypt(ciphertext);
        assertThat(first).hasSize(48);
        assertThat(first).isNotEqualTo(second);
        if (notThis != null) {
            assertThat(first).isNotEqualTo(notThis);
        }
    }
}
