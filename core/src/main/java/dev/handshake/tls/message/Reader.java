package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * A bounds-checked reader over a TLS structure (RFC 8446 §3). Every read names the field it
 * reads, so a short or malformed message fails with a sentence such as
 * "ClientHello.cipher_suites: needs 2 bytes, only 1 remain" and a decode_error alert.
 *
 * <p>Vectors come back as sub-readers limited to their declared length; {@link #expectEnd()}
 * rejects trailing bytes.
 */
public final class Reader {

    private final String context;
    private final byte[] data;
    private int position;
    private final int limit;

    public Reader(String context, byte[] data) {
        this(context, data, 0, data.length);
    }

    public Reader(String context, byte[] data, int offset, int length) {
        this.context = context;
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    /** What this reader reads, for error messages. */
    public String context() {
        return context;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public int u8(String field) throws TlsException {
        need(field, 1);
        return data[position++] & 0xFF;
    }

    public int u16(String field) throws TlsException {
        need(field, 2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public int u24(String field) throws TlsException {
        need(field, 3);
        int value = ((data[position] & 0xFF) << 16) | ((data[position + 1] & 0xFF) << 8)
            | (data[position + 2] & 0xFF);
        position += 3;
        return value;
    }

    public long u32(String field) throws TlsException {
        need(field, 4);
        long value = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
            | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** Exactly {@code length} bytes. */
    public byte[] bytes(String field, int length) throws TlsException {
        need(field, length);
        byte[] out = new byte[length];
        System.arraycopy(data, position, out, 0, length);
        position += length;
        return out;
    }

    /** Everything that is left. */
    public byte[] rest() {
        byte[] out = new byte[remaining()];
        System.arraycopy(data, position, out, 0, out.length);
        position = limit;
        return out;
    }

    /** A vector with a one-byte length: {@code opaque field<min..2^8-1>}. */
    public Reader u8Prefixed(String field) throws TlsException {
        return sub(field, u8(field + " length"));
    }

    /** A vector with a two-byte length: {@code opaque field<min..2^16-1>}. */
    public Reader u16Prefixed(String field) throws TlsException {
        return sub(field, u16(field + " length"));
    }

    /** A vector with a three-byte length: {@code opaque field<min..2^24-1>}. */
    public Reader u24Prefixed(String field) throws TlsException {
        return sub(field, u24(field + " length"));
    }

    public byte[] opaque8(String field) throws TlsException {
        return u8Prefixed(field).rest();
    }

    public byte[] opaque16(String field) throws TlsException {
        return u16Prefixed(field).rest();
    }

    public byte[] opaque24(String field) throws TlsException {
        return u24Prefixed(field).rest();
    }

    /** Fails with decode_error unless every byte has been read. */
    public void expectEnd() throws TlsException {
        if (position != limit) {
            throw new TlsException(AlertDescription.DECODE_ERROR,
                context + ": " + remaining() + " unexpected trailing byte(s)");
        }
    }

    /** A decode_error about this structure, for rules the codec itself cannot see. */
    public TlsException error(String problem) {
        return new TlsException(AlertDescription.DECODE_ERROR, context + ": " + problem);
    }

    private Reader sub(String field, int length) throws TlsException {
        need(field, length);
        Reader sub = new Reader(context + "." + field, data, position, length);
        position += length;
        return sub;
    }

    private void need(String field, int length) throws TlsException {
        if (length > limit - position) {
            throw new TlsException(AlertDescription.DECODE_ERROR,
                context + "." + field + ": needs " + length + " byte(s), only " + remaining() + " remain");
        }
    }
}
