package dev.handshake.tls.record;

import java.nio.ByteBuffer;

/**
 * Bytes waiting to be sent, in order. The buffer is borrowed from the {@link BufferPool} when the
 * first bytes arrive and given back once everything is drained.
 */
final class OutputQueue {

    private byte[] buffer;
    private int head;
    private int tail;

    void add(byte[] bytes) {
        if (buffer == null) {
            buffer = BufferPool.take(bytes.length);
        } else if (tail + bytes.length > buffer.length) {
            int live = tail - head;
            byte[] grown = live + bytes.length > buffer.length
                ? BufferPool.take(Math.max(live + bytes.length, buffer.length * 2))
                : buffer;
            System.arraycopy(buffer, head, grown, 0, live);
            if (grown != buffer) {
                BufferPool.give(buffer);
            }
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
        if (buffer == null) {
            return 0;
        }
        int n = Math.min(dst.remaining(), tail - head);
        dst.put(buffer, head, n);
        head += n;
        if (head == tail) {
            BufferPool.give(buffer);
            buffer = null;
            head = 0;
            tail = 0;
        }
        return n;
    }
}
