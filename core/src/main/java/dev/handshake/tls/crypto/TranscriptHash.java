package dev.handshake.tls.crypto;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The running hash of the handshake messages (RFC 5246 §7.4.9, RFC 8446 §4.4.1). The hash
 * function is only known once the cipher suite is chosen, so messages are buffered until
 * {@link #select} and hashed from then on.
 */
public final class TranscriptHash {

    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private MessageDigest digest;
    private HashAlgorithm algorithm;

    /** Adds one handshake message, exactly as it was on the wire (header included). */
    public void add(byte[] handshakeMessage) {
        if (digest != null) {
            digest.update(handshakeMessage);
        } else {
            pending.writeBytes(handshakeMessage);
        }
    }

    /** Fixes the hash function; everything added so far is hashed now. */
    public void select(HashAlgorithm hash, CryptoProvider crypto) throws TlsException {
        try {
            digest = crypto.messageDigest(hash.jcaName());
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "no " + hash.jcaName() + " available", e);
        }
        algorithm = hash;
        digest.update(pending.toByteArray());
        pending = null;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The hash of every message added so far; the transcript keeps running. */
    public byte[] current() throws TlsException {
        if (digest == null) {
            throw new IllegalStateException("the transcript hash is not selected yet");
        }
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "the " + algorithm.jcaName() + " implementation cannot be cloned", e);
        }
    }
}
