package dev.handshake.tls.record;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Bytes waiting to be sent, in order. Grows as needed and releases its buffer when drained. */
final class OutputQueue {

    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int head;
    private int tail;

    void add(byte[] bytes) {
        if (tail + bytes.length > buffer.length) {
            int live = tail - head;
            byte[] grown = live + bytes.length > buffer.length
                ? new byte[Math.max(live + bytes.length, buffer.length * 2)]
                : buffer;
            System.arraycopy(buffer, head, grown, 0, live);
            buffer = grown;
            head = 0;
            tail = live;
        }
        System.arraycopy(bytes, 0, buffer, tail, bytes.length);
        tail += bytes.length;
    }

    int size() {
        return tail - head;
    }

    /** Moves as many bytes as fit into {@code dst}; returns how many. */
    int drain(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), tail - head);
        dst.put(buffer, head, n);
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
            if (buffer.length > 64 * 1024) {
                buffer = EMPTY;
            }
        }
        return n;
    }

    byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, head, tail);
    }
}
