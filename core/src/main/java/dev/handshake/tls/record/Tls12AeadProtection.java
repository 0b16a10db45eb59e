package dev.handshake.tls.record;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3).
 *
 * <ul>
 * <li>AES-GCM (RFC 5288 §3): nonce = 4-byte salt from the key block + 8-byte explicit nonce sent
 *     in front of the ciphertext; we send the sequence number as the explicit nonce, so a nonce
 *     never repeats under one key.</li>
 * <li>ChaCha20-Poly1305 (RFC 7905 §2): nonce = 12-byte IV from the key block XOR the sequence
 *     number; nothing explicit on the wire.</li>
 * </ul>
 *
 * The additional data is {@code seq_num + type + version + length} of the plaintext.
 */
public final class Tls12AeadProtection implements RecordProtection {

    private static final int HEADER = 5;

    private final AeadAlgorithm aead;
    private final CryptoProvider crypto;
    private final SecretKeySpec key;
    private final byte[] iv;
    private long sequence;
    /** seq_num + type + version + length, rewritten for every record. */
    private final byte[] aad = new byte[13];
    /** The per-record nonce, rewritten for every record (the parameter specs copy it). */
    private final byte[] nonce;

    public Tls12AeadProtection(AeadAlgorithm aead, byte[] key, byte[] iv, CryptoProvider crypto) throws TlsException {
        this.aead = aead;
        this.key = new SecretKeySpec(key, aead.keyAlgorithm());
        this.iv = iv.clone();
        this.nonce = new byte[aead.nonceLength()];
        this.crypto = crypto;
        try {
            crypto.aeadCipher(aead, true);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + aead.transformation() + " available", e);
        }
    }

    @Override
    public int overhead() {
        return aead.tls12ExplicitNonceLength() + AeadAlgorithm.TAG_LENGTH;
    }

    @Override
    public int sealInto(ContentType type, byte[] data, int offset, int length, byte[] out, int outOffset)
            throws TlsException {
        long seq = nextSequence();
        int explicit = aead.tls12ExplicitNonceLength();
        int payloadLength = explicit + length + AeadAlgorithm.TAG_LENGTH;
        out[outOffset] = (byte) type.code();
        out[outOffset + 1] = (byte) (ProtocolVersion.TLS12.code() >>> 8);
        out[outOffset + 2] = (byte) ProtocolVersion.TLS12.code();
        out[outOffset + 3] = (byte) (payloadLength >>> 8);
        out[outOffset + 4] = (byte) payloadLength;
        if (explicit > 0) {
            putLong(out, outOffset + HEADER, seq);
        }
        try {
            Cipher cipher = RecordCiphers.init(crypto, aead, Cipher.ENCRYPT_MODE, key, nonce(seq));
            cipher.updateAAD(additionalData(seq, type, ProtocolVersion.TLS12.code(), length));
            cipher.doFinal(data, offset, length, out, outOffset + HEADER + explicit);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "record encryption failed: " + e.getMessage(), e);
        }
        return HEADER + payloadLength;
    }

    @Override
    public void openInto(ContentType type, int version, byte[] payload, int offset, int length, byte[] out,
                         int outOffset, Opened into) throws TlsException {
        int explicit = aead.tls12ExplicitNonceLength();
        int plaintextLength = length - explicit - AeadAlgorithm.TAG_LENGTH;
        if (plaintextLength < 0) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a protected " + type.name() + " record of " + length + " bytes is too short to hold a nonce and tag");
        }
        long seq = nextSequence();
        AlgorithmParameterSpec spec;
        if (explicit > 0) {
            System.arraycopy(iv, 0, nonce, 0, iv.length);
            System.arraycopy(payload, offset, nonce, iv.length, explicit);
            spec = spec();
        } else {
            spec = nonce(seq);
        }
        try {
            Cipher cipher = RecordCiphers.init(crypto, aead, Cipher.DECRYPT_MODE, key, spec);
            cipher.updateAAD(additionalData(seq, type, version, plaintextLength));
            int n = AeadInput.doFinal(cipher, aead, payload, offset + explicit, length - explicit, out, outOffset);
            into.set(type, out, outOffset, n);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a " + type.name() + " record failed authentication: it was altered, or the keys do not match");
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a " + type.name() + " record could not be decrypted: " + e.getMessage());
        }
    }

    private long nextSequence() throws TlsException {
        // RFC 5246 §6.1: sequence numbers may not wrap.
        if (sequence == -1L) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "the record sequence number is exhausted");
        }
        return sequence++;
    }

    /** The nonce for sequence number {@code seq}: salt + explicit seq (GCM) or IV XOR seq (ChaCha20). */
    private AlgorithmParameterSpec nonce(long seq) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        if (aead.tls12ExplicitNonceLength() > 0) {
            putLong(nonce, iv.length, seq);
        } else {
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
            }
        }
        return spec();
    }

    /** The parameters of the nonce now in {@link #nonce}; the spec takes its own copy. */
    private AlgorithmParameterSpec spec() {
        return aead == AeadAlgorithm.CHACHA20_POLY1305
            ? new IvParameterSpec(nonce)
            : new GCMParameterSpec(AeadAlgorithm.TAG_LENGTH * 8, nonce);
    }

    private byte[] additionalData(long seq, ContentType type, int version, int length) {
        putLong(aad, 0, seq);
        aad[8] = (byte) type.code();
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
        return aad;
    }

    private static void putLong(byte[] out, int at, long value) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }
}
