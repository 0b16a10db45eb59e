package dev.handshake.tls.record;

import java.nio.ByteBuffer;

/**
 * Application data received and not yet read, in order. The buffer is borrowed from the
 * {@link BufferPool} while data waits and given back when the application has read it all.
 *
 * <p>The record layer opens each protected record straight into free room ({@link #room}): after
 * the waiting data, or, while nothing waits and the application lent its own buffer
 * ({@link #deliverTo}), in that buffer. When the record turns out to be application data,
 * {@link #add} then only moves an end: the plaintext is copied once into the application's buffer,
 * or not at all.
 */
public final class ReceivedData {

    private byte[] buffer;
    private int head;
    private int tail;
    /** The application's buffer that records may be opened into, or null. */
    private ByteBuffer destination;
    /** Where the room handed out last starts. */
    private int roomOffset;

    /**
     * Lets records be opened straight into {@code destination} (when it is backed by an array and
     * has room) for as long as no data waits here; null ends it. Bytes past the destination's
     * position may be overwritten by records that are not application data.
     */
    public void deliverTo(ByteBuffer destination) {
        this.destination = destination != null && destination.hasArray() && !destination.isReadOnly()
            ? destination : null;
    }

    /**
     * An array with at least {@code length} free bytes from {@link #roomOffset()} on. Bytes written
     * there count as received only once passed to {@link #add}.
     */
    byte[] room(int length) {
        if (destination != null && isEmpty() && destination.remaining() >= length) {
            roomOffset = destination.arrayOffset() + destination.position();
            return destination.array();
        }
        roomOffset = ensureRoom(length);
        return buffer;
    }

    /** Where the room of the last {@link #room} call starts. */
    int roomOffset() {
        return roomOffset;
    }

    /** Makes room for {@code length} bytes after the waiting data; returns where it starts. */
    private int ensureRoom(int length) {
        if (buffer == null) {
            buffer = BufferPool.take(length);
        } else if (tail + length > buffer.length) {
            buffer = BufferPool.compact(buffer, head, tail, length);
            tail -= head;
            head = 0;
        }
        return tail;
    }

    /**
     * Appends {@code data[offset, offset + length)}; no copy when it already lies in the free room,
     * and none either when that room is in the application's buffer, which then only moves on.
     */
    public void add(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (destination != null && data == destination.array()
            && offset == destination.arrayOffset() + destination.position()) {
            destination.position(destination.position() + length);
            return;
        }
        if (data == buffer && offset == tail) {
            tail += length;
            return;
        }
        int at = ensureRoom(length);
        System.arraycopy(data, offset, buffer, at, length);
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
