package dev.handshake.tls;

import java.util.List;

/**
 * A key-exchange group code point (RFC 8446 §4.2.7, RFC 8422 §5.1.1, RFC 7919 §2).
 * A record of its code so a group a peer offers that we do not implement survives decoding.
 */
public record NamedGroup(int code) {

    public static final NamedGroup SECP256R1 = new NamedGroup(0x0017);
    public static final NamedGroup SECP384R1 = new NamedGroup(0x0018);
    public static final NamedGroup SECP521R1 = new NamedGroup(0x0019);
    public static final NamedGroup X25519 = new NamedGroup(0x001D);
    public static final NamedGroup X448 = new NamedGroup(0x001E);
    public static final NamedGroup FFDHE2048 = new NamedGroup(0x0100);
    public static final NamedGroup FFDHE3072 = new NamedGroup(0x0101);
    public static final NamedGroup FFDHE4096 = new NamedGroup(0x0102);

    /** The groups Handshake implements, strongest-and-fastest first. */
    private static final List<NamedGroup> SUPPORTED = List.of(X25519, SECP256R1, SECP384R1, FFDHE2048, FFDHE3072);

    public NamedGroup {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("named group out of range: " + code);
        }
    }

    public static List<NamedGroup> supported() {
        return SUPPORTED;
    }

    /** The group with this name (x25519, secp256r1, ...), or {@code null}. */
    public static NamedGroup forName(String name) {
        for (NamedGroup group : SUPPORTED) {
            if (group.name().equalsIgnoreCase(name)) {
                return group;
            }
        }
        return null;
    }

    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    /** RFC 7919 §2: codes 0x0100–0x01FF are finite-field groups. */
    public boolean isFiniteField() {
        return code >= 0x0100 && code <= 0x01FF;
    }

    public String name() {
        return switch (code) {
            case 0x0017 -> "secp256r1";
            case 0x0018 -> "secp384r1";
            case 0x0019 -> "secp521r1";
            case 0x001D -> "x25519";
            case 0x001E -> "x448";
            case 0x0100 -> "ffdhe2048";
            case 0x0101 -> "ffdhe3072";
            case 0x0102 -> "ffdhe4096";
            case 0x0103 -> "ffdhe6144";
            case 0x0104 -> "ffdhe8192";
            default -> String.format("0x%04x", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on their
    // first call, which costs a fresh JVM milliseconds on its first handshake.

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedGroup that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
