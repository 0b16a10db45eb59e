package dev.handshake.tls.record;

import dev.handshake.tls.TlsException;

/**
 * The protection of one direction of records once keys are in use: sequence number, nonce,
 * additional data and AEAD. Each instance serves one direction and one epoch of keys.
 */
public interface RecordProtection {

    /** A decrypted record: its (inner) content type and its plaintext. */
    record Plaintext(ContentType type, byte[] data) {
    }

    /** The most bytes a protected record adds to its plaintext. */
    int overhead();

    /**
     * Protects one fragment of at most 2^14 bytes.
     *
     * @return the whole record, header included
     */
    byte[] seal(ContentType type, byte[] data, int offset, int length) throws TlsException;

    /**
     * Opens the payload of a record that arrived with this header. Fails with bad_record_mac
     * when the record was not produced by the peer's keys.
     */
    Plaintext open(ContentType type, int version, byte[] payload, int offset, int length) throws TlsException;
}
