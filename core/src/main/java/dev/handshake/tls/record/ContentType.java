package dev.handshake.tls.record;

/** The record content types (RFC 5246 §6.2.1, RFC 8446 §5.1). */
public record ContentType(int code) {

    public static final ContentType CHANGE_CIPHER_SPEC = new ContentType(20);
    public static final ContentType ALERT = new ContentType(21);
    public static final ContentType HANDSHAKE = new ContentType(22);
    public static final ContentType APPLICATION_DATA = new ContentType(23);

    /** The type with this code: the named constants for the four known codes, without allocating. */
    public static ContentType of(int code) {
        return switch (code) {
            case 20 -> CHANGE_CIPHER_SPEC;
            case 21 -> ALERT;
            case 22 -> HANDSHAKE;
            case 23 -> APPLICATION_DATA;
            default -> new ContentType(code);
        };
    }

    public String name() {
        return switch (code) {
            case 20 -> "change_cipher_spec";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "application_data";
            case 24 -> "heartbeat";
            default -> "content_type(" + code + ")";
        };
    }

    public boolean isKnown() {
        return code >= 20 && code <= 23;
    }

    @Override
    public String toString() {
        return name();
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on their
    // first call, which costs a fresh JVM milliseconds on its first handshake.

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentType that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
