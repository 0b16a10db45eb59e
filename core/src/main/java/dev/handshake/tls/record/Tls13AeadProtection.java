package dev.handshake.tls.record;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.crypto.Tls13KeySchedule;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2–5.4), one direction and one traffic key.
 *
 * <pre>
 * TLSInnerPlaintext = content || ContentType type || uint8 zeros[length_of_padding]
 * TLSCiphertext     = opaque_type (23) || legacy_record_version (0x0303) || uint16 length
 *                     || AEAD-Encrypt(write_key, nonce, additional_data, TLSInnerPlaintext)
 * nonce             = write_iv XOR (64-bit sequence number, left-padded with zeros)
 * additional_data   = the 5-byte TLSCiphertext header
 * </pre>
 *
 * The sequence number starts at 0 for each key and is never reused.
 */
public final class Tls13AeadProtection implements RecordProtection {

    private static final int HEADER = RecordLayer.HEADER_LENGTH;
    /** §5.4: the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1 octets. */
    private static final int MAX_INNER_PLAINTEXT = RecordLayer.MAX_PLAINTEXT + 1;
    /** §5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256. */
    private static final int MAX_CIPHERTEXT = RecordLayer.MAX_PLAINTEXT + 256;

    private final AeadAlgorithm aead;
    private final CryptoProvider crypto;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final int padding;
    private long sequence;
    /** The additional data of the record being opened: its header. */
    private final byte[] header = new byte[HEADER];
    /** The per-record nonce, rewritten for every record (the parameter specs copy it). */
    private final byte[] nonce;
    /** The content type byte of the record being sealed, then its zero padding. */
    private final byte[] trailer;

    /** Protection without padding. */
    public Tls13AeadProtection(AeadAlgorithm aead, byte[] key, byte[] iv, CryptoProvider crypto) throws TlsException {
        this(aead, key, iv, 0, crypto);
    }

    /**
     * Protection that appends {@code padding} zero bytes to every record it seals (§5.4), as far
     * as the 2^14 + 1 byte limit of the inner plaintext leaves room.
     */
    public Tls13AeadProtection(AeadAlgorithm aead, byte[] key, byte[] iv, int padding, CryptoProvider crypto)
        throws TlsException {
        this(aead, key, iv, padding, crypto, 0);
    }

    /** As above, from sequence number {@code firstSequence}: for tests that reach the end of the sequence space. */
    Tls13AeadProtection(AeadAlgorithm aead, byte[] key, byte[] iv, int padding, CryptoProvider crypto,
                        long firstSequence) throws TlsException {
        if (iv.length != aead.nonceLength() || key.length != aead.keyLength()) {
            throw new IllegalArgumentException(aead + " takes a " + aead.keyLength() + "-byte key and a "
                + aead.nonceLength() + "-byte IV, not " + key.length + " and " + iv.length);
        }
        if (padding < 0 || padding > RecordLayer.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("padding of " + padding + " bytes is outside 0..2^14");
        }
        this.aead = aead;
        this.key = new SecretKeySpec(key, aead.keyAlgorithm());
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
        this.trailer = new byte[1 + padding];
        this.padding = padding;
        this.sequence = firstSequence;
        this.crypto = crypto;
        try {
            crypto.aeadCipher(aead, true);
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + aead.transformation() + " available", e);
        }
    }

    /**
     * Protection under the keys of {@code trafficSecret} (§7.3); the derived key and IV are
     * erased once the cipher holds them.
     */
    public static Tls13AeadProtection fromTrafficSecret(Tls13KeySchedule keySchedule, byte[] trafficSecret,
                                                        AeadAlgorithm aead, CryptoProvider crypto) throws TlsException {
        Tls13KeySchedule.TrafficKeys keys = keySchedule.trafficKeys(trafficSecret, aead);
        try {
            return new Tls13AeadProtection(aead, keys.key(), keys.iv(), crypto);
        } finally {
            keys.erase();
        }
    }

    @Override
    public int overhead() {
        return 1 + padding + AeadAlgorithm.TAG_LENGTH;
    }

    /** The sequence number the next record will use: the count of records sealed or opened so far. */
    public long sequenceNumber() {
        return sequence;
    }

    @Override
    public int sealInto(ContentType type, byte[] data, int offset, int length, byte[] out, int outOffset)
            throws TlsException {
        if (length > RecordLayer.MAX_PLAINTEXT) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "a fragment of " + length + " bytes is larger than the 2^14 a record carries");
        }
        int pad = Math.min(padding, MAX_INNER_PLAINTEXT - 1 - length);
        int innerLength = length + 1 + pad;
        int ciphertextLength = innerLength + AeadAlgorithm.TAG_LENGTH;
        long seq = nextSequence();
        out[outOffset] = (byte) ContentType.APPLICATION_DATA.code();
        out[outOffset + 1] = (byte) (ProtocolVersion.TLS12.code() >>> 8);
        out[outOffset + 2] = (byte) ProtocolVersion.TLS12.code();
        out[outOffset + 3] = (byte) (ciphertextLength >>> 8);
        out[outOffset + 4] = (byte) ciphertextLength;
        int inner = outOffset + HEADER;
        // §5.2: TLSInnerPlaintext is content || type || zeros (§5.4: padding bytes MUST be zero). The
        // content is encrypted from the caller's array, the type and padding from the trailer.
        trailer[0] = (byte) type.code();
        try {
            Cipher cipher = RecordCiphers.init(crypto, aead, Cipher.ENCRYPT_MODE, key, nonce(seq));
            cipher.updateAAD(out, outOffset, HEADER);
            int sealed = cipher.update(data, offset, length, out, inner);
            cipher.doFinal(trailer, 0, 1 + pad, out, inner + sealed);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "record encryption failed: " + e.getMessage(), e);
        }
        return HEADER + ciphertextLength;
    }

    /**
     * Opens one TLSCiphertext. Fails with record_overflow for a record or inner plaintext over
     * its limit, bad_record_mac for one the peer's key did not seal, and unexpected_message for an
     * inner plaintext without a content type, with a type that may not be protected, or with an
     * empty handshake or alert.
     */
    @Override
    public void openInto(ContentType type, int version, byte[] payload, int offset, int length, byte[] out,
                         int outOffset, Opened into) throws TlsException {
        if (length > MAX_CIPHERTEXT) {
            throw new TlsException(AlertDescription.RECORD_OVERFLOW,
                "a protected record of " + length + " bytes exceeds the 2^14 + 256 allowed");
        }
        if (!type.equals(ContentType.APPLICATION_DATA)) {
            // §5.2: the outer type of a TLSCiphertext is always application_data.
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a " + type.name() + " record arrived where only protected application_data records may");
        }
        if (length < AeadAlgorithm.TAG_LENGTH) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a protected record of " + length + " bytes is too short to hold an authentication tag");
        }
        long seq = nextSequence();
        byte[] header = this.header;
        header[0] = (byte) type.code();
        header[1] = (byte) (version >>> 8);
        header[2] = (byte) version;
        header[3] = (byte) (length >>> 8);
        header[4] = (byte) length;
        int innerLength;
        try {
            Cipher cipher = RecordCiphers.init(crypto, aead, Cipher.DECRYPT_MODE, key, nonce(seq));
            cipher.updateAAD(header);
            innerLength = AeadInput.doFinal(cipher, aead, payload, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a protected record failed authentication: it was altered, or the keys do not match");
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.BAD_RECORD_MAC,
                "a protected record could not be decrypted: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "record decryption failed: " + e.getMessage(), e);
        }
        innerPlaintext(out, outOffset, innerLength, into);
    }

    private static void innerPlaintext(byte[] opened, int start, int innerLength, Opened into) throws TlsException {
        if (innerLength > MAX_INNER_PLAINTEXT) {
            throw new TlsException(AlertDescription.RECORD_OVERFLOW,
                "a protected record decrypted to " + innerLength + " bytes, more than the 2^14 + 1 allowed");
        }
        // §5.4: scan from the end for the first non-zero byte, which is the content type.
        int typeAt = innerLength - 1;
        while (typeAt >= 0 && opened[start + typeAt] == 0) {
            typeAt--;
        }
        if (typeAt < 0) {
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a protected record holds only zeros: it has no content type");
        }
        ContentType realType = ContentType.of(opened[start + typeAt] & 0xFF);
        if (!realType.equals(ContentType.HANDSHAKE) && !realType.equals(ContentType.ALERT)
            && !realType.equals(ContentType.APPLICATION_DATA)) {
            // §5: a protected change_cipher_spec, or any unknown type, is unexpected_message.
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a protected record carries content type " + realType.name() + ", which TLS 1.3 does not protect");
        }
        if (typeAt == 0 && !realType.equals(ContentType.APPLICATION_DATA)) {
            // §5.4: only application data may have an empty content.
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a protected " + realType.name() + " record is empty");
        }
        into.set(realType, opened, start, typeAt);
    }

    private long nextSequence() throws TlsException {
        // §5.3: sequence numbers do not wrap; the connection rekeys (KeyUpdate) or ends first.
        if (sequence == -1L) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "the record sequence number is exhausted: the key must be updated first");
        }
        return sequence++;
    }

    /** §5.3: the 64-bit sequence number, big-endian and left-padded to iv_length, XORed with the IV. */
    private AlgorithmParameterSpec nonce(long seq) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return aead == AeadAlgorithm.CHACHA20_POLY1305
            ? new IvParameterSpec(nonce)
            : new GCMParameterSpec(AeadAlgorithm.TAG_LENGTH * 8, nonce);
    }
}
