package dev.handshake.tls;

import java.util.List;

/**
 * A signature scheme code point (RFC 8446 §4.2.3; for TLS 1.2 the same codes read as
 * hash + signature pairs, RFC 5246 §7.4.1.4.1). No SHA-1 or MD5 scheme is ever offered or accepted.
 */
public record SignatureScheme(int code) {

    public static final SignatureScheme RSA_PKCS1_SHA256 = new SignatureScheme(0x0401);
    public static final SignatureScheme RSA_PKCS1_SHA384 = new SignatureScheme(0x0501);
    public static final SignatureScheme RSA_PKCS1_SHA512 = new SignatureScheme(0x0601);
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = new SignatureScheme(0x0403);
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = new SignatureScheme(0x0503);
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = new SignatureScheme(0x0603);
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = new SignatureScheme(0x0804);
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = new SignatureScheme(0x0805);
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = new SignatureScheme(0x0806);
    public static final SignatureScheme ED25519 = new SignatureScheme(0x0807);
    public static final SignatureScheme ED448 = new SignatureScheme(0x0808);
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = new SignatureScheme(0x0809);
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = new SignatureScheme(0x080A);
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = new SignatureScheme(0x080B);
    /** Legacy schemes: recognised by name only, never offered or accepted. */
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);

    /** The schemes the TLS 1.2 engine signs and verifies with, in preference order. */
    private static final List<SignatureScheme> TLS12 = List.of(
        ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384,
        RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
        RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512);

    /** Every scheme Handshake implements, in preference order. */
    private static final List<SignatureScheme> SUPPORTED = List.of(
        ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ED25519,
        RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
        RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512,
        RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512);

    private static final List<SignatureScheme> NAMED = List.of(
        RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512,
        ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512,
        RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, ED25519, ED448,
        RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512, RSA_PKCS1_SHA1, ECDSA_SHA1);

    public SignatureScheme {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("signature scheme out of range: " + code);
        }
    }

    /** The schemes the TLS 1.2 handshake uses, in preference order. */
    public static List<SignatureScheme> tls12() {
        return TLS12;
    }

    /** Every scheme Handshake implements, in preference order. */
    public static List<SignatureScheme> supported() {
        return SUPPORTED;
    }

    /**
     * RFC 8446 §4.2.3 and §4.4.3: a TLS 1.3 CertificateVerify may not use RSASSA-PKCS1-v1_5 (nor
     * SHA-1); those codes only describe certificate signatures there.
     */
    public boolean usableInTls13() {
        boolean pkcs1 = equals(RSA_PKCS1_SHA256) || equals(RSA_PKCS1_SHA384) || equals(RSA_PKCS1_SHA512);
        return SUPPORTED.contains(this) && !pkcs1;
    }

    /** Whether the TLS 1.2 handshake may use this scheme. */
    public boolean usableInTls12() {
        return TLS12.contains(this);
    }

    /** The scheme with this name (rsa_pss_rsae_sha256, ...), or {@code null}. */
    public static SignatureScheme forName(String name) {
        for (SignatureScheme scheme : NAMED) {
            if (scheme.name().equalsIgnoreCase(name)) {
                return scheme;
            }
        }
        return null;
    }

    public String name() {
        return switch (code) {
            case 0x0201 -> "rsa_pkcs1_sha1";
            case 0x0203 -> "ecdsa_sha1";
            case 0x0401 -> "rsa_pkcs1_sha256";
            case 0x0501 -> "rsa_pkcs1_sha384";
            case 0x0601 -> "rsa_pkcs1_sha512";
            case 0x0403 -> "ecdsa_secp256r1_sha256";
            case 0x0503 -> "ecdsa_secp384r1_sha384";
            case 0x0603 -> "ecdsa_secp521r1_sha512";
            case 0x0804 -> "rsa_pss_rsae_sha256";
            case 0x0805 -> "rsa_pss_rsae_sha384";
            case 0x0806 -> "rsa_pss_rsae_sha512";
            case 0x0807 -> "ed25519";
            case 0x0808 -> "ed448";
            case 0x0809 -> "rsa_pss_pss_sha256";
            case 0x080A -> "rsa_pss_pss_sha384";
            case 0x080B -> "rsa_pss_pss_sha512";
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
        return other instanceof SignatureScheme that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
