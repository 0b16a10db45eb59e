package dev.handshake.pki;

import java.io.IOException;
import java.math.BigInteger;

/**
 * A minimal, bounds-checked reader of DER (X.690) TLV elements. Reads definite lengths only,
 * as DER requires, and never allocates more than the input it was given.
 */
public final class DerReader {

    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OBJECT_IDENTIFIER = 0x06;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;
    public static final int UTF8_STRING = 0x0C;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int TELETEX_STRING = 0x14;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int UNIVERSAL_STRING = 0x1C;
    public static final int BMP_STRING = 0x1E;

    /** The tag of a context-specific element {@code [number]}, primitive (IMPLICIT) or constructed. */
    public static int contextTag(int number, boolean constructed) {
        return 0x80 | (constructed ? 0x20 : 0) | number;
    }

    /** One element: its tag and where its contents lie in the input. */
    public record Element(int tag, byte[] input, int offset, int length, int encodedOffset) {

        public byte[] contents() {
            byte[] out = new byte[length];
            System.arraycopy(input, offset, out, 0, length);
            return out;
        }

        /** The whole TLV, header included. */
        public byte[] encoded() {
            byte[] out = new byte[offset + length - encodedOffset];
            System.arraycopy(input, encodedOffset, out, 0, out.length);
            return out;
        }

        /** A reader over the contents of this (constructed) element. */
        public DerReader children() {
            return new DerReader(input, offset, length);
        }

        public BigInteger integer() throws IOException {
            if (tag != INTEGER || length == 0) {
                throw new IOException("expected a DER INTEGER");
            }
            return new BigInteger(contents());
        }

        /** A DER BOOLEAN: X.690 §11.1 allows only 0x00 and 0xFF. */
        public boolean bool() throws IOException {
            if (tag != BOOLEAN || length != 1 || (input[offset] != 0 && input[offset] != (byte) 0xFF)) {
                throw new IOException("expected a DER BOOLEAN");
            }
            return input[offset] != 0;
        }

        /** A non-negative INTEGER small enough for an int, minimally encoded (X.690 §8.3.2). */
        public int smallInteger() throws IOException {
            if (tag != INTEGER || length == 0 || length > 4) {
                throw new IOException("expected a small DER INTEGER");
            }
            if (!minimalInteger()) {
                throw new IOException("non-minimal DER INTEGER");
            }
            BigInteger value = new BigInteger(contents());
            if (value.signum() < 0) {
                throw new IOException("negative INTEGER where a count is expected");
            }
            return value.intValue();
        }

        /** X.690 §8.3.2: the first nine bits of an INTEGER are neither all zero nor all one. */
        public boolean minimalInteger() {
            if (length < 2) {
                return length == 1;
            }
            int first = input[offset] & 0xFF;
            int second = input[offset + 1] & 0x80;
            return !(first == 0 && second == 0) && !(first == 0xFF && second == 0x80);
        }

        /**
         * The bits of a BIT STRING, first bit at index 0 (X.690 §8.6), as a mask of at most 32
         * bits; longer strings only keep their first 32 bits.
         */
        public int bitMask() throws IOException {
            byte[] bits = bitStringBytes();
            int mask = 0;
            for (int i = 0; i < Math.min(bits.length, 4); i++) {
                for (int bit = 0; bit < 8; bit++) {
                    if ((bits[i] & (0x80 >>> bit)) != 0) {
                        mask |= 1 << (i * 8 + bit);
                    }
                }
            }
            return mask;
        }

        /** The bytes of a BIT STRING whose unused bits are zero, as DER requires (X.690 §11.2). */
        public byte[] bitStringBytes() throws IOException {
            if (tag != BIT_STRING || length == 0) {
                throw new IOException("expected a DER BIT STRING");
            }
            int unused = input[offset] & 0xFF;
            if (unused > 7 || (length == 1 && unused != 0)
                || (unused != 0 && (input[offset + length - 1] & ((1 << unused) - 1)) != 0)) {
                throw new IOException("malformed DER BIT STRING");
            }
            byte[] out = new byte[length - 1];
            System.arraycopy(input, offset + 1, out, 0, out.length);
            return out;
        }

        public boolean constructed() {
            return (tag & 0x20) != 0;
        }

        /** An OBJECT IDENTIFIER in dotted form, e.g. {@code 1.2.840.10045.2.1}. */
        public String oid() throws IOException {
            if (tag != OBJECT_IDENTIFIER || length == 0) {
                throw new IOException("expected a DER OBJECT IDENTIFIER");
            }
            StringBuilder out = new StringBuilder();
            long value = 0;
            boolean first = true;
            for (int i = 0; i < length; i++) {
                int b = input[offset + i] & 0xFF;
                if (value > (Long.MAX_VALUE >>> 7)) {
                    throw new IOException("OBJECT IDENTIFIER arc too large");
                }
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    if (first) {
                        long top = value < 40 ? 0 : value < 80 ? 1 : 2;
                        out.append(top).append('.').append(value - 40 * top);
                        first = false;
                    } else {
                        out.append('.').append(value);
                    }
                    value = 0;
                } else if (i == length - 1) {
                    throw new IOException("truncated OBJECT IDENTIFIER");
                }
            }
            return out.toString();
        }
    }

    private final byte[] input;
    private int position;
    private final int limit;

    public DerReader(byte[] input) {
        this(input, 0, input.length);
    }

    private DerReader(byte[] input, int offset, int length) {
        this.input = input;
        this.position = offset;
        this.limit = offset + length;
    }

    public boolean hasMore() {
        return position < limit;
    }

    /** The next element, or an IOException that says why it cannot be read. */
    public Element next() throws IOException {
        int start = position;
        if (limit - position < 2) {
            throw new IOException("truncated DER element at offset " + position);
        }
        int tag = input[position++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IOException("multi-byte DER tags are not supported (offset " + start + ")");
        }
        int first = input[position++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4) {
                throw new IOException("unsupported DER length encoding at offset " + start);
            }
            if (limit - position < count) {
                throw new IOException("truncated DER length at offset " + start);
            }
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 8) | (input[position++] & 0xFF);
            }
            if (value < 0x80 || value < (1L << (8 * (count - 1)))) {
                throw new IOException("non-minimal DER length at offset " + start);
            }
            if (value > Integer.MAX_VALUE) {
                throw new IOException("DER length too large at offset " + start);
            }
            length = (int) value;
        }
        if (length > limit - position) {
            throw new IOException("DER element at offset " + start + " claims " + length
                + " bytes, only " + (limit - position) + " remain");
        }
        Element element = new Element(tag, input, position, length, start);
        position += length;
        return element;
    }

    /** The tag of the next element without consuming it, or -1 at the end. */
    public int peekTag() {
        return position < limit ? input[position] & 0xFF : -1;
    }

    /** Fails unless every byte has been read: DER allows no trailing data. */
    public void expectEnd(String what) throws IOException {
        if (position != limit) {
            throw new IOException((limit - position) + " unexpected bytes after the " + what);
        }
    }

    /** The next element, which must carry this tag. */
    public Element next(int expectedTag) throws IOException {
        Element element = next();
        if (element.tag() != expectedTag) {
            throw new IOException(String.format("expected DER tag 0x%02x, found 0x%02x", expectedTag, element.tag()));
        }
        return element;
    }
}
