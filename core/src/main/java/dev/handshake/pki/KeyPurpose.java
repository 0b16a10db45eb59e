package dev.handshake.pki;

/**
 * What the leaf certificate is validated for: the extendedKeyUsage purposes of RFC 5280
 * §4.2.1.12 that TLS uses.
 */
public enum KeyPurpose {
    /** id-kp-serverAuth: a TLS server, named by a DNS name or IP address. */
    SERVER_AUTH("1.3.6.1.5.5.7.3.1", "serverAuth", "server"),
    /** id-kp-clientAuth: a TLS client authenticating with a certificate. */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2", "clientAuth", "client");

    /** anyExtendedKeyUsage (RFC 5280 §4.2.1.12), accepted on CA certificates only. */
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final String oid;
    private final String rfcName;
    private final String peer;

    KeyPurpose(String oid, String rfcName, String peer) {
        this.oid = oid;
        this.rfcName = rfcName;
        this.peer = peer;
    }

    /** The key purpose OBJECT IDENTIFIER, e.g. {@code 1.3.6.1.5.5.7.3.1}. */
    public String oid() {
        return oid;
    }

    /** The RFC 5280 name, e.g. {@code serverAuth}. */
    public String rfcName() {
        return rfcName;
    }

    /** Who presents such a certificate, for sentences: "server" or "client". */
    String peer() {
        return peer;
    }

    /** The RFC 5280 name of a key purpose OID when it is one of ours, else the OID itself. */
    static String describe(String oid) {
        for (KeyPurpose purpose : values()) {
            if (purpose.oid.equals(oid)) {
                return purpose.rfcName;
            }
        }
        return oid.equals(ANY_EXTENDED_KEY_USAGE) ? "anyExtendedKeyUsage" : oid;
    }
}
