package dev.handshake.tls.record;

import dev.handshake.tls.crypto.AeadAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * Decrypts a record's ciphertext where the JDK's cipher handles it best. Up to at least JDK 17, the
 * JDK's ChaCha20-Poly1305 decrypts straight from the input array only when the ciphertext starts at
 * offset 0; from any other offset it first gathers the whole ciphertext in a growing buffer of its
 * own, some 33 KB of garbage per 16 KiB record (com.sun.crypto.provider.ChaCha20Cipher; JDK 25 no
 * longer does). A record's ciphertext follows its 5-byte header, so on those JDKs it is copied to
 * the start of an array of the calling thread first: one copy instead of the allocations.
 */
final class AeadInput {

    /** JDK 25 decrypts ChaCha20-Poly1305 from any offset; older releases are treated as JDK 17. */
    private static final boolean CHACHA_NEEDS_OFFSET_ZERO = Runtime.version().feature() < 25;

    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[RecordLayer.MAX_CIPHERTEXT];
        }
    };

    private AeadInput() {
    }

    /** {@code cipher.doFinal(in, inOffset, length, out, outOffset)}, from offset 0 where that matters. */
    static int doFinal(Cipher cipher, AeadAlgorithm aead, byte[] in, int inOffset, int length, byte[] out,
                       int outOffset) throws GeneralSecurityException {
        if (aead == AeadAlgorithm.CHACHA20_POLY1305 && CHACHA_NEEDS_OFFSET_ZERO && inOffset != 0
            && length <= RecordLayer.MAX_CIPHERTEXT) {
            byte[] scratch = SCRATCH.get();
            System.arraycopy(in, inOffset, scratch, 0, length);
            return cipher.doFinal(scratch, 0, length, out, outOffset);
        }
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }
}
