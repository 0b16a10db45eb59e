package dev.handshake.tls.record;

/**
 * Where records are decrypted: one buffer per thread, so an idle connection holds none and a busy
 * one allocates none. What it holds is copied out (to the handshake or application data) before the
 * thread opens the next record.
 */
final class OpenBuffer {

    private static final ThreadLocal<byte[]> BUFFER = new ThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[RecordLayer.MAX_CIPHERTEXT];
        }
    };

    private OpenBuffer() {
    }

    static byte[] get() {
        return BUFFER.get();
    }
}
