package dev.handshake.tls;

/** A protocol version as it appears on the wire (RFC 8446 §4.2.1). */
public record ProtocolVersion(int code) {

    public static final ProtocolVersion SSL3 = new ProtocolVersion(0x0300);
    public static final ProtocolVersion TLS10 = new ProtocolVersion(0x0301);
    public static final ProtocolVersion TLS11 = new ProtocolVersion(0x0302);
    public static final ProtocolVersion TLS12 = new ProtocolVersion(0x0303);
    public static final ProtocolVersion TLS13 = new ProtocolVersion(0x0304);

    public ProtocolVersion {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("protocol version out of range: " + code);
        }
    }

    public String name() {
        return switch (code) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
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
        return other instanceof ProtocolVersion that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
