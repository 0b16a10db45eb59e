package dev.handshake.tls;

import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.HashAlgorithm;

import java.util.List;

/**
 * A cipher suite code point. A suite reads as <em>key exchange + signature + cipher + hash</em>:
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 is an ECDHE key exchange, signed with RSA, records
 * protected with AES-128-GCM, and SHA-256 for the PRF. TLS 1.3 suites name only cipher and hash.
 *
 * <p>A record of its code, so suites a peer offers that Handshake does not implement survive
 * decoding; {@link #isSupported()} tells them apart.
 */
public record CipherSuite(int code) {

    /** How the premaster secret is agreed (TLS 1.2), or {@link #TLS13} for TLS 1.3 suites. */
    public enum KeyExchange {
        /** The client encrypts the premaster secret with the server's RSA key: no forward secrecy. */
        RSA(false),
        /** Finite-field ephemeral Diffie-Hellman. */
        DHE(true),
        /** Elliptic-curve ephemeral Diffie-Hellman. */
        ECDHE(true),
        /** TLS 1.3: the key exchange is negotiated separately and always ephemeral. */
        TLS13(true);

        private final boolean forwardSecret;

        KeyExchange(boolean forwardSecret) {
            this.forwardSecret = forwardSecret;
        }

        public boolean forwardSecret() {
            return forwardSecret;
        }
    }

    /** Which kind of certificate key authenticates the server. */
    public enum Authentication {
        RSA, ECDSA,
        /** TLS 1.3: negotiated by signature_algorithms, not by the suite. */
        TLS13
    }

    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009C);
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009D);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009E);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009F);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02B);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC02C);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02F);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC030);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA8);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA9);
    public static final CipherSuite TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCAA);

    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);

    /** RFC 5746 §3.3: signals secure renegotiation support; never negotiated. */
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00FF);
    /** RFC 7507: the client is retrying with a lower version than it supports; never negotiated. */
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    private record Spec(CipherSuite suite, String name, KeyExchange keyExchange,
                        Authentication authentication, AeadAlgorithm aead, HashAlgorithm hash) {
    }

    private static final Spec[] SPECS = {
        new Spec(TLS_RSA_WITH_AES_128_GCM_SHA256, "TLS_RSA_WITH_AES_128_GCM_SHA256",
            KeyExchange.RSA, Authentication.RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
        new Spec(TLS_RSA_WITH_AES_256_GCM_SHA384, "TLS_RSA_WITH_AES_256_GCM_SHA384",
            KeyExchange.RSA, Authentication.RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
        new Spec(TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            KeyExchange.DHE, Authentication.RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
        new Spec(TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            KeyExchange.DHE, Authentication.RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
        new Spec(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            KeyExchange.ECDHE, Authentication.ECDSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
        new Spec(TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            KeyExchange.ECDHE, Authentication.ECDSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
        new Spec(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            KeyExchange.ECDHE, Authentication.RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
        new Spec(TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            KeyExchange.ECDHE, Authentication.RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
        new Spec(TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            KeyExchange.ECDHE, Authentication.RSA, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
        new Spec(TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            KeyExchange.ECDHE, Authentication.ECDSA, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
        new Spec(TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            KeyExchange.DHE, Authentication.RSA, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
        new Spec(TLS_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256",
            KeyExchange.TLS13, Authentication.TLS13, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
        new Spec(TLS_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384",
            KeyExchange.TLS13, Authentication.TLS13, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
        new Spec(TLS_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256",
            KeyExchange.TLS13, Authentication.TLS13, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
    };

    public CipherSuite {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("cipher suite out of range: " + code);
        }
    }

    /** Every suite Handshake implements, in no particular order. */
    public static List<CipherSuite> supported() {
        return java.util.Arrays.stream(SPECS).map(Spec::suite).toList();
    }

    /** The suite with this IANA name, or {@code null}. */
    public static CipherSuite forName(String name) {
        for (Spec spec : SPECS) {
            if (spec.name.equalsIgnoreCase(name)) {
                return spec.suite;
            }
        }
        return null;
    }

    private Spec spec() {
        for (Spec spec : SPECS) {
            if (spec.suite.code == code) {
                return spec;
            }
        }
        return null;
    }

    /** Whether Handshake implements this suite. The accessors below require it. */
    public boolean isSupported() {
        return spec() != null;
    }

    /** Whether this is a TLS 1.3 suite (usable only in TLS 1.3) rather than a TLS 1.2 one. */
    public boolean isTls13() {
        return keyExchange() == KeyExchange.TLS13;
    }

    /** The IANA name, or {@code 0xC0A0} style for an unknown suite. */
    public String name() {
        Spec spec = spec();
        return spec != null ? spec.name : String.format("0x%04X", code);
    }

    public KeyExchange keyExchange() {
        return require().keyExchange;
    }

    public Authentication authentication() {
        return require().authentication;
    }

    public AeadAlgorithm aead() {
        return require().aead;
    }

    public HashAlgorithm hash() {
        return require().hash;
    }

    private Spec require() {
        Spec spec = spec();
        if (spec == null) {
            throw new IllegalStateException("Handshake does not implement cipher suite " + name());
        }
        return spec;
    }

    @Override
    public String toString() {
        return name();
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on their
    // first call, which costs a fresh JVM milliseconds on its first handshake.

    @Override
    public boolean equals(Object other) {
        return other instanceof CipherSuite that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
