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
}
