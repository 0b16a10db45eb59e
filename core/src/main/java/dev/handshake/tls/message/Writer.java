package dev.handshake.tls.message;

import java.util.Arrays;

/**
 * Builds a TLS structure. Vectors are written through {@link #u8Prefixed()} and friends,
 * which reserve the length field and fill it in when the returned {@link Length} closes:
 *
 * <pre>{@code
 * try (Writer.Length suites = w.u16Prefixed()) {
 *     for (CipherSuite s : offered) w.u16(s.code());
 * }
 * }</pre>
 */
public final class Writer {

    private byte[] buffer;
    private int size;

    public Writer() {
        this(256);
    }

    public Writer(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public Writer u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public Writer u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public Writer u24(int value) {
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public Writer u32(long value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public Writer bytes(byte[] value) {
        return bytes(value, 0, value.length);
    }

    public Writer bytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    public Writer opaque8(byte[] value) {
        checkFits(value.length, 1);
        return u8(value.length).bytes(value);
    }

    public Writer opaque16(byte[] value) {
        checkFits(value.length, 2);
        return u16(value.length).bytes(value);
    }

    public Writer opaque24(byte[] value) {
        checkFits(value.length, 3);
        return u24(value.length).bytes(value);
    }

    public Length u8Prefixed() {
        return prefixed(1);
    }

    public Length u16Prefixed() {
        return prefixed(2);
    }

    public Length u24Prefixed() {
        return prefixed(3);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private Length prefixed(int width) {
        int at = size;
        ensure(width);
        size += width;
        return new Length(at, width);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    private static void checkFits(int length, int width) {
        if (length >= 1 << (8 * width)) {
            throw new IllegalArgumentException(length + " bytes do not fit a " + width + "-byte length");
        }
    }

    /** A length field that is written when it closes, covering everything written since it opened. */
    public final class Length implements AutoCloseable {
        private final int at;
        private final int width;

        private Length(int at, int width) {
            this.at = at;
            this.width = width;
        }

        @Override
        public void close() {
            int length = size - at - width;
            checkFits(length, width);
            for (int i = 0; i < width; i++) {
                buffer[at + i] = (byte) (length >>> (8 * (width - 1 - i)));
            }
        }
    }
}
