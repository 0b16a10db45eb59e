package dev.handshake.pki;

/** Why a validation failed, for programs; {@link ValidationResult#message()} says it for people. */
public enum FailureCode {
    /** The call itself was unusable: no leaf, no purpose, no validation time. */
    INVALID_INPUT,
    /** A certificate is not well-formed DER or breaks the profile of RFC 5280 §4. */
    MALFORMED_CERTIFICATE,
    /** No chain of issuers leads to a trust anchor. */
    UNKNOWN_ISSUER,
    /** The leaf signs itself and is not one of the trust anchors. */
    SELF_SIGNED,
    /** An issuer's key does not verify a certificate's signature. */
    BAD_SIGNATURE,
    /** A certificate's notAfter is before the validation time. */
    EXPIRED,
    /** A certificate's notBefore is after the validation time. */
    NOT_YET_VALID,
    /** An issuer is not a CA: basicConstraints cA is absent or false (RFC 5280 §4.2.1.9). */
    NOT_A_CA,
    /** More intermediates below a CA than its pathLenConstraint allows. */
    PATH_LENGTH_EXCEEDED,
    /** keyUsage forbids what the key is used for (RFC 5280 §4.2.1.3). */
    KEY_USAGE,
    /** extendedKeyUsage does not include the purpose (RFC 5280 §4.2.1.12). */
    EXTENDED_KEY_USAGE,
    /** A name lies outside a CA's permitted subtrees or inside its excluded ones (RFC 5280 §4.2.1.10). */
    NAME_CONSTRAINTS,
    /** A critical extension this validator does not process (RFC 5280 §4.2). */
    UNKNOWN_CRITICAL_EXTENSION,
    /** A signature algorithm that the options do not allow, such as MD5 or SHA-1. */
    DISALLOWED_ALGORITHM,
    /** A public key smaller than the options' minimum. */
    WEAK_KEY,
    /** The leaf is not valid for the expected DNS name or IP address (RFC 9525 §6). */
    NAME_MISMATCH,
    /** A client certificate lacks a name the options require. */
    MISSING_CLIENT_NAME,
    /** Every path to an anchor is longer than the maximum depth. */
    PATH_TOO_LONG,
    /** More intermediates than the options accept. */
    TOO_MANY_INTERMEDIATES,
    /** Building the path took more signature checks or steps than allowed. */
    WORK_LIMIT_EXCEEDED
}
