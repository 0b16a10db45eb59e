package dev.handshake.bench;

import dev.handshake.testkit.KeyType;

/**
 * What one benchmark operation does. Every handshake is a fresh client and server in memory on one
 * thread; the client validates the server's chain (root, intermediate, leaf) and its name
 * ("localhost"), then one byte of application data goes each way. Every (EC)DHE key exchange uses
 * x25519; every suite is AES-128-GCM except the ChaCha20 transfer.
 */
public enum Scenario {
    FULL_TLS12_ECDHE_RSA2048_X25519(Kind.FULL, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", KeyType.RSA_2048),
    FULL_TLS12_RSA_KX(Kind.FULL, "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256", KeyType.RSA_2048),
    FULL_TLS12_ECDHE_ECDSA_P256(Kind.FULL, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", KeyType.ECDSA_P256),
    FULL_TLS13_X25519_RSA2048(Kind.FULL, "TLSv1.3", "TLS_AES_128_GCM_SHA256", KeyType.RSA_2048),
    FULL_TLS13_X25519_ECDSA_P256(Kind.FULL, "TLSv1.3", "TLS_AES_128_GCM_SHA256", KeyType.ECDSA_P256),
    /** A TLS 1.3 handshake resumed with a ticket from the previous one (psk_dhe_ke: x25519, no signature). */
    RESUMED_TLS13(Kind.RESUMED, "TLSv1.3", "TLS_AES_128_GCM_SHA256", KeyType.RSA_2048),
    /** One 16 KiB record wrapped by the client and unwrapped by the server of an established pair. */
    TRANSFER_AES128GCM_16K(Kind.TRANSFER, "TLSv1.3", "TLS_AES_128_GCM_SHA256", KeyType.ECDSA_P256),
    TRANSFER_CHACHA20_16K(Kind.TRANSFER, "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", KeyType.ECDSA_P256);

    /** The plaintext of one record in the transfer scenarios: the largest TLS allows (2^14). */
    public static final int RECORD_BYTES = 16 * 1024;

    /** What an operation is. */
    public enum Kind {
        /** A handshake without resumption. */
        FULL,
        /** A handshake that resumes the session of an earlier one. */
        RESUMED,
        /** One record through an established connection. */
        TRANSFER
    }

    private final Kind kind;
    private final String protocol;
    private final String suite;
    private final KeyType keyType;

    Scenario(Kind kind, String protocol, String suite, KeyType keyType) {
        this.kind = kind;
        this.protocol = protocol;
        this.suite = suite;
        this.keyType = keyType;
    }

    /** The name in reports and in JMH's {@code scenario} parameter, e.g. {@code full_tls13_x25519_rsa2048}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Scenario of(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    public Kind kind() {
        return kind;
    }

    /** The JSSE protocol name, {@code TLSv1.2} or {@code TLSv1.3}. */
    public String protocol() {
        return protocol;
    }

    public boolean tls13() {
        return protocol.equals("TLSv1.3");
    }

    /** The one cipher suite every engine is limited to, by its IANA name. */
    public String suite() {
        return suite;
    }

    /** The key type of the whole chain: root, intermediate and the server's leaf. */
    public KeyType keyType() {
        return keyType;
    }

    /** Whether the server signs (all but the RSA key exchange and resumption do). */
    public boolean serverSigns() {
        return kind == Kind.FULL && !suite.startsWith("TLS_RSA_");
    }

    /** Whether an x25519 key share is made and agreed on each side. */
    public boolean keyAgreement() {
        return kind != Kind.TRANSFER && !suite.startsWith("TLS_RSA_");
    }
}
