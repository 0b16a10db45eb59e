package dev.handshake.tls.crypto;

/**
 * The AEAD ciphers Handshake protects records with. Only AEADs: no CBC, no RC4, no NULL.
 */
public enum AeadAlgorithm {
    /** RFC 5288 in TLS 1.2: 4 bytes of fixed IV from the key block, 8 explicit nonce bytes per record. */
    AES_128_GCM("AES", "AES/GCM/NoPadding", 16, 4, 8),
    AES_256_GCM("AES", "AES/GCM/NoPadding", 32, 4, 8),
    /** RFC 7905: a 12-byte IV from the key block XORed with the sequence number; no explicit nonce. */
    CHACHA20_POLY1305("ChaCha20", "ChaCha20-Poly1305", 32, 12, 0);

    /** The authentication tag length of every AEAD here. */
    public static final int TAG_LENGTH = 16;

    private final String keyAlgorithm;
    private final String transformation;
    private final int keyLength;
    private final int tls12FixedIvLength;
    private final int tls12ExplicitNonceLength;

    AeadAlgorithm(String keyAlgorithm, String transformation, int keyLength,
                  int tls12FixedIvLength, int tls12ExplicitNonceLength) {
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyLength = keyLength;
        this.tls12FixedIvLength = tls12FixedIvLength;
        this.tls12ExplicitNonceLength = tls12ExplicitNonceLength;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public String transformation() {
        return transformation;
    }

    public int keyLength() {
        return keyLength;
    }

    /** Bytes of IV taken from the TLS 1.2 key block (RFC 5288 §3, RFC 7905 §2). */
    public int tls12FixedIvLength() {
        return tls12FixedIvLength;
    }

    /** Bytes of nonce sent in front of each TLS 1.2 record. */
    public int tls12ExplicitNonceLength() {
        return tls12ExplicitNonceLength;
    }

    /** The nonce length the cipher takes (both ciphers here take 12 bytes). */
    public int nonceLength() {
        return 12;
    }
}
