package dev.handshake.tls.record;

import java.nio.ByteBuffer;

/**
 * Application data received and not yet read, in order. The buffer is borrowed from the
 * {@link BufferPool} while data waits and given back when the application has read it all.
 *
 * <p>The record layer opens each protected record straight into the free room after the waiting
 * data ({@link #room}); when the record turns out to be application data, {@link #add} then only
 * moves the end, so a record's plaintext is copied once, into the application's buffer.
 */
public final class ReceivedData {

    private byte[] buffer;
    private int head;
    private int tail;

    /**
     * The array whose bytes from {@link #tail()} on are free, at least {@code length} of them.
     * Bytes written there count as received only once passed to {@link #add}.
     */
    byte[] room(int length) {
        if (buffer == null) {
            buffer = BufferPool.take(length);
        } else if (tail + length > buffer.length) {
            int live = tail - head;
            byte[] grown = live + length > buffer.length
                ? BufferPool.take(Math.max(live + length, buffer.length * 2))
                : buffer;
            System.arraycopy(buffer, head, grown, 0, live);
            if (grown != buffer) {
                BufferPool.give(buffer);
            }
            buffer = grown;
            head = 0;
            tail = live;
        }
        return buffer;
    }

    /** Where the free room of {@link #room} starts. */
    int tail() {
        return tail;
    }

    /** Appends {@code data[offset, offset + length)}; no copy when it already lies in the free room. */
    public void add(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (data == buffer && offset == tail) {
            tail += length;
            return;
        }
        System.arraycopy(data, offset, room(length), tail, length);
        tail += length;
    }

    public boolean isEmpty() {
        return head == tail;
    }

    /** Moves as much as fits into {@code destination}; returns how many bytes. */
    public int read(ByteBuffer destination) {
        if (buffer == null) {
            return 0;
        }
        int n = Math.min(destination.remaining(), tail - head);
        destination.put(buffer, head, n);
        head += n;
        releaseIfEmpty();
        return n;
    }

    /** Gives the buffer back when no data waits in it: idle connections keep none. */
    public void releaseIfEmpty() {
        if (buffer != null && head == tail) {
            BufferPool.give(buffer);
            buffer = null;
            head = 0;
            tail = 0;
        }
    }
}
