package dev.handshake.bench;

import java.util.Locale;

/** Who runs a scenario: a TLS engine, or the floor of the JCA operations it cannot avoid. */
public enum Engine {
    /** Handshake with the JDK's JCA providers. */
    HANDSHAKE("Handshake"),
    /** Handshake with the Amazon Corretto Crypto Provider first ({@code CryptoProvider.jca(accp)}). */
    HANDSHAKE_ACCP("Handshake+ACCP"),
    /** The JDK's own TLS: SunJSSE's SSLEngine. */
    SUNJSSE("SunJSSE"),
    /** Conscrypt's SSLEngine (BoringSSL) through {@code Conscrypt.newProvider()}. */
    CONSCRYPT("Conscrypt"),
    /** The public-key (or AEAD) operations of the scenario, back to back, through the JDK's providers. */
    FLOOR("floor JDK"),
    /** The same operations with ACCP first, the JDK's providers for what ACCP lacks. */
    FLOOR_ACCP("floor ACCP");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    /** The name in JMH's {@code engine} parameter, e.g. {@code handshake_accp}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column heading in BENCHMARKS.md. */
    public String label() {
        return label;
    }

    public static Engine of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean isFloor() {
        return this == FLOOR || this == FLOOR_ACCP;
    }

    /** Whether this column uses ACCP for what it has; also the floor an engine is measured against. */
    public boolean nativeCrypto() {
        return this == HANDSHAKE_ACCP || this == FLOOR_ACCP || this == CONSCRYPT;
    }

    /** The floor this engine's throughput is a fraction of. */
    public Engine floor() {
        return nativeCrypto() ? FLOOR_ACCP : FLOOR;
    }
}
