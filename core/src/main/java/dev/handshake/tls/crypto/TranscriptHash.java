package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The running hash of the handshake messages (RFC 5246 §7.4.9, RFC 8446 §4.4.1). The hash
 * function is only known once the cipher suite is chosen, so messages are buffered until
 * {@link #select} and hashed from then on. The messages themselves are kept after that only when
 * asked, for the one signature that covers them rather than their hash (the TLS 1.2
 * CertificateVerify); the whole object is dropped when the handshake ends.
 */
public final class TranscriptHash {

    /** RFC 8446 §4.4.1: the synthetic message that stands for ClientHello1 after a HelloRetryRequest. */
    private static final int MESSAGE_HASH = 254;

    /** The messages so far; null once selected without keeping them. */
    private ByteArrayOutputStream messages = new ByteArrayOutputStream(512);
    private MessageDigest digest;
    private HashAlgorithm algorithm;

    /** Adds one handshake message, exactly as it was on the wire (header included). */
    public void add(byte[] handshakeMessage) {
        if (messages != null) {
            messages.writeBytes(handshakeMessage);
        }
        if (digest != null) {
            digest.update(handshakeMessage);
        }
    }

    /**
     * Fixes the hash function; everything added so far is hashed now. {@code keepMessages}: whether
     * {@link #messages} will be needed (a TLS 1.2 CertificateVerify may be signed or checked).
     */
    public void select(HashAlgorithm hash, CryptoProvider crypto, boolean keepMessages) throws TlsException {
        try {
            digest = crypto.messageDigest(hash.jcaName());
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + hash.jcaName() + " available", e);
        }
        algorithm = hash;
        digest.update(messages.toByteArray());
        if (!keepMessages) {
            messages = null;
        }
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public boolean selected() {
        return digest != null;
    }

    /** The hash of every message added so far; the transcript keeps running. */
    public byte[] current() throws TlsException {
        return currentWith(new byte[0]);
    }

    /** The hash of every message so far followed by {@code more}, which is not added (PSK binders). */
    public byte[] currentWith(byte[] more) throws TlsException {
        if (digest == null) {
            throw new IllegalStateException("the transcript hash is not selected yet");
        }
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return copy.digest(more);
        } catch (CloneNotSupportedException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "the " + algorithm.jcaName() + " implementation cannot be cloned", e);
        }
    }

    /**
     * RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced in the transcript by
     * {@code message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)}.
     */
    public void replaceWithMessageHash() throws TlsException {
        byte[] hash = current();
        byte[] synthetic = new byte[4 + hash.length];
        synthetic[0] = (byte) MESSAGE_HASH;
        synthetic[3] = (byte) hash.length;
        System.arraycopy(hash, 0, synthetic, 4, hash.length);
        if (messages != null) {
            messages.reset();
        }
        digest.reset();
        add(synthetic);
    }

    /** Every message added so far, concatenated: what a TLS 1.2 CertificateVerify signs. */
    public byte[] messages() {
        if (messages == null) {
            throw new IllegalStateException("the transcript was selected without keeping its messages");
        }
        return messages.toByteArray();
    }
}
