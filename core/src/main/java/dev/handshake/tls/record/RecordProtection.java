package dev.handshake.tls.record;

import dev.handshake.tls.TlsException;

import java.util.Arrays;

/**
 * The protection of one direction of records once keys are in use: sequence number, nonce,
 * additional data and AEAD. Each instance serves one direction and one epoch of keys.
 *
 * <p>The record layer seals straight into its output buffer ({@link #sealInto}) and opens straight
 * into the buffer of received application data ({@link #openInto}), so records cost no allocation
 * and no copy of their own;
 * {@link #seal} and {@link #open} are the same operations with fresh arrays, for tests and tools.
 */
public interface RecordProtection {

    /** A decrypted record: its (inner) content type and its plaintext. */
    record Plaintext(ContentType type, byte[] data) {
    }

    /**
     * Where {@link #openInto} leaves a record's content: its type and the bytes
     * {@code data[offset, offset + length)}, valid until the next record is opened into the same place.
     */
    final class Opened {
        ContentType type;
        byte[] data;
        int offset;
        int length;

        void set(ContentType type, byte[] data, int offset, int length) {
            this.type = type;
            this.data = data;
            this.offset = offset;
            this.length = length;
        }

        public ContentType type() {
            return type;
        }

        public byte[] data() {
            return data;
        }

        public int offset() {
            return offset;
        }

        public int length() {
            return length;
        }
    }

    /** The most bytes a protected record adds to its plaintext, header excluded. */
    int overhead();

    /**
     * Protects one fragment of at most 2^14 bytes into {@code out} at {@code outOffset}, header
     * included; {@code out} must have room for header, fragment and {@link #overhead()}.
     *
     * @return the length of the record written
     */
    int sealInto(ContentType type, byte[] data, int offset, int length, byte[] out, int outOffset) throws TlsException;

    /**
     * Opens the payload of a record that arrived with this header into {@code out} at
     * {@code outOffset}, which must have room for {@code length} bytes, and describes the content in
     * {@code into}. Fails with bad_record_mac when the record was not produced by the peer's keys.
     */
    void openInto(ContentType type, int version, byte[] payload, int offset, int length, byte[] out, int outOffset,
                  Opened into) throws TlsException;

    /** {@link #sealInto}, returning the record in a new array. */
    default byte[] seal(ContentType type, byte[] data, int offset, int length) throws TlsException {
        byte[] out = new byte[RecordLayer.HEADER_LENGTH + length + overhead()];
        int written = sealInto(type, data, offset, length, out, 0);
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /** {@link #openInto}, returning the content in a new array. */
    default Plaintext open(ContentType type, int version, byte[] payload, int offset, int length) throws TlsException {
        Opened opened = new Opened();
        openInto(type, version, payload, offset, length, new byte[length], 0, opened);
        return new Plaintext(opened.type, Arrays.copyOfRange(opened.data, opened.offset, opened.offset + opened.length));
    }
}
