package dev.handshake.tls.record;

/**
 * Record-sized byte arrays shared by all connections: a connection borrows one while it has bytes
 * waiting and gives it back when it has none, so idle connections hold no buffers and busy ones
 * allocate none. Bounded: at most {@link #CAPACITY} arrays wait here.
 */
final class BufferPool {

    /** Room for one whole protected record with its header, the most a flight usually needs. */
    static final int SIZE = RecordLayer.HEADER_LENGTH + RecordLayer.MAX_CIPHERTEXT;
    private static final int CAPACITY = 64;

    private static final byte[][] FREE = new byte[CAPACITY][];
    private static int count;

    private BufferPool() {
    }

    /** An array of at least {@code size} bytes, pooled when it is {@link #SIZE} long. */
    static byte[] take(int size) {
        if (size <= SIZE) {
            synchronized (FREE) {
                if (count > 0) {
                    byte[] buffer = FREE[--count];
                    FREE[count] = null;
                    return buffer;
                }
            }
            return new byte[SIZE];
        }
        return new byte[size];
    }

    /** Returns an array taken from {@link #take}; arrays of another size are left to the garbage collector. */
    static void give(byte[] buffer) {
        if (buffer.length != SIZE) {
            return;
        }
        synchronized (FREE) {
            if (count < CAPACITY) {
                FREE[count++] = buffer;
            }
        }
    }

    /**
     * Moves the live bytes {@code buffer[head, tail)} to offset 0 of an array with room for
     * {@code length} more after them: the same array when they fit, else a larger one from the pool,
     * the old one given back. Returns that array; the live bytes then end at {@code tail - head}.
     */
    static byte[] compact(byte[] buffer, int head, int tail, int length) {
        int live = tail - head;
        byte[] target = live + length > buffer.length ? take(Math.max(live + length, buffer.length * 2)) : buffer;
        System.arraycopy(buffer, head, target, 0, live);
        if (target != buffer) {
            give(buffer);
        }
        return target;
    }
}
