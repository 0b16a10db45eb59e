package dev.handshake.pki;

/**
 * One Extension of a certificate (RFC 5280 §4.1): its identifier, criticality and the DER inside
 * extnValue.
 */
record CertificateExtension(String oid, boolean critical, byte[] value) {

    static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    static final String KEY_USAGE = "2.5.29.15";
    static final String SUBJECT_ALT_NAME = "2.5.29.17";
    static final String BASIC_CONSTRAINTS = "2.5.29.19";
    static final String NAME_CONSTRAINTS = "2.5.29.30";
    static final String CERTIFICATE_POLICIES = "2.5.29.32";
    static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";

    /**
     * Whether this validator processes the extension, so that it may be critical (RFC 5280 §4.2:
     * a certificate with a critical extension the application does not recognize is rejected).
     * certificatePolicies is accepted as processed with the initial policy set any-policy and no
     * explicit policy required (RFC 5280 §6.1.1 (c), (f)).
     */
    boolean processed() {
        return switch (oid) {
            case SUBJECT_KEY_IDENTIFIER, KEY_USAGE, SUBJECT_ALT_NAME, BASIC_CONSTRAINTS, NAME_CONSTRAINTS,
                CERTIFICATE_POLICIES, AUTHORITY_KEY_IDENTIFIER, EXTENDED_KEY_USAGE -> true;
            default -> false;
        };
    }

    /** The RFC 5280 name of the extension, or its OID. */
    String name() {
        return switch (oid) {
            case SUBJECT_KEY_IDENTIFIER -> "subjectKeyIdentifier";
            case KEY_USAGE -> "keyUsage";
            case SUBJECT_ALT_NAME -> "subjectAltName";
            case BASIC_CONSTRAINTS -> "basicConstraints";
            case NAME_CONSTRAINTS -> "nameConstraints";
            case CERTIFICATE_POLICIES -> "certificatePolicies";
            case AUTHORITY_KEY_IDENTIFIER -> "authorityKeyIdentifier";
            case EXTENDED_KEY_USAGE -> "extendedKeyUsage";
            case AUTHORITY_INFO_ACCESS -> "authorityInfoAccess";
            default -> oid;
        };
    }
}
