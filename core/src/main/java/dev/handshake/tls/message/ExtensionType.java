package dev.handshake.tls.message;

/** A hello extension code point (IANA "TLS ExtensionType Values"). */
public record ExtensionType(int code) {

    public static final ExtensionType SERVER_NAME = new ExtensionType(0);
    public static final ExtensionType STATUS_REQUEST = new ExtensionType(5);
    public static final ExtensionType SUPPORTED_GROUPS = new ExtensionType(10);
    public static final ExtensionType EC_POINT_FORMATS = new ExtensionType(11);
    public static final ExtensionType SIGNATURE_ALGORITHMS = new ExtensionType(13);
    public static final ExtensionType APPLICATION_LAYER_PROTOCOL_NEGOTIATION = new ExtensionType(16);
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = new ExtensionType(18);
    public static final ExtensionType ENCRYPT_THEN_MAC = new ExtensionType(22);
    public static final ExtensionType EXTENDED_MASTER_SECRET = new ExtensionType(23);
    public static final ExtensionType SESSION_TICKET = new ExtensionType(35);
    public static final ExtensionType PRE_SHARED_KEY = new ExtensionType(41);
    public static final ExtensionType EARLY_DATA = new ExtensionType(42);
    public static final ExtensionType SUPPORTED_VERSIONS = new ExtensionType(43);
    public static final ExtensionType COOKIE = new ExtensionType(44);
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = new ExtensionType(45);
    public static final ExtensionType CERTIFICATE_AUTHORITIES = new ExtensionType(47);
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = new ExtensionType(50);
    public static final ExtensionType KEY_SHARE = new ExtensionType(51);
    public static final ExtensionType RENEGOTIATION_INFO = new ExtensionType(0xFF01);

    public ExtensionType {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("extension type out of range: " + code);
        }
    }

    public String name() {
        return switch (code) {
            case 0 -> "server_name";
            case 5 -> "status_request";
            case 10 -> "supported_groups";
            case 11 -> "ec_point_formats";
            case 13 -> "signature_algorithms";
            case 16 -> "application_layer_protocol_negotiation";
            case 18 -> "signed_certificate_timestamp";
            case 21 -> "padding";
            case 22 -> "encrypt_then_mac";
            case 23 -> "extended_master_secret";
            case 35 -> "session_ticket";
            case 41 -> "pre_shared_key";
            case 42 -> "early_data";
            case 43 -> "supported_versions";
            case 44 -> "cookie";
            case 45 -> "psk_key_exchange_modes";
            case 47 -> "certificate_authorities";
            case 50 -> "signature_algorithms_cert";
            case 51 -> "key_share";
            case 0xFF01 -> "renegotiation_info";
            default -> "extension(" + code + ")";
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
        return other instanceof ExtensionType that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
