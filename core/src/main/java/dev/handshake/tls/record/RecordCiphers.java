package dev.handshake.tls.record;

import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Initialises the calling thread's AEAD cipher for one record. The JDK refuses to initialise one
 * cipher twice in a row with the same key and nonce (its guard against nonce reuse). A connection
 * never does that — every record has its own sequence number — but two protections of one key on
 * one thread can (a test opening a record twice, say); then a fresh cipher takes the record.
 */
final class RecordCiphers {

    private RecordCiphers() {
    }

    static Cipher init(CryptoProvider crypto, AeadAlgorithm aead, int mode, SecretKey key, AlgorithmParameterSpec nonce)
            throws GeneralSecurityException {
        Cipher cipher = crypto.aeadCipher(aead, mode == Cipher.ENCRYPT_MODE);
        try {
            cipher.init(mode, key, nonce);
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            cipher = crypto.cipher(aead.transformation());
            cipher.init(mode, key, nonce);
        }
        return cipher;
    }
}
