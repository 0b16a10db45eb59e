package dev.handshake.tls.record;

import java.nio.ByteBuffer;

/**
 * Application data received and not yet read, in order. The buffer is borrowed from the
 * {@link BufferPool} while data waits and given back when the application has read it all.
 */
public final class ReceivedData {

    private byte[] buffer;
    private int head;
    private int tail;

    public void add(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
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
        System.arraycopy(data, offset, buffer, tail, length);
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
        if (head == tail) {
            BufferPool.give(buffer);
            buffer = null;
            head = 0;
            tail = 0;
        }
        return n;
    }
}
