package dev.handshake.tls.record;

import java.nio.ByteBuffer;

/**
 * Bytes waiting to be sent, in order, written in place by the record layer. The buffer is borrowed
 * from the {@link BufferPool} when the first bytes arrive and given back once everything is drained.
 */
final class OutputQueue {

    private byte[] buffer;
    private int head;
    private int tail;

    /**
     * Makes room for {@code length} more bytes and returns the buffer to write them into, at
     * {@link #tail()}; {@link #commit} then adds what was written.
     */
    byte[] reserve(int length) {
        if (buffer == null) {
            buffer = BufferPool.take(length);
        } else if (tail + length > buffer.length) {
            buffer = BufferPool.compact(buffer, head, tail, length);
            tail -= head;
            head = 0;
        }
        return buffer;
    }

    /** The buffer written into; null while nothing waits. */
    byte[] array() {
        return buffer;
    }

    /** Where the bytes for the last {@link #reserve} go. */
    int tail() {
        return tail;
    }

    void commit(int written) {
        tail += written;
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
