package dev.handshake.pki;

import java.util.Arrays;

/**
 * The rules of the certificate profile of RFC 5280 §4 that matter to a relying party, applied to
 * every certificate of a path except the trust anchor (whose profile is the trust store's
 * business). Decoding problems, such as duplicate extensions and malformed names, are found
 * earlier by {@link ParsedCertificate}.
 */
final class CertificateProfile {

    private static final int MAX_SERIAL_OCTETS = 20;

    private CertificateProfile() {
    }

    /** The first rule the certificate breaks, as a sentence, or null when it keeps them all. */
    static String problem(ParsedCertificate certificate) {
        if (certificate.problem() != null) {
            return certificate.problem();
        }
        byte[] serial = certificate.serial();
        // RFC 5280 §4.1.2.2: a positive integer of at most 20 octets.
        if (!certificate.serialMinimal() || (serial[0] & 0x80) != 0 || isZero(serial)) {
            return "its serial number is not a positive, minimally encoded integer (RFC 5280 §4.1.2.2)";
        }
        if (serial.length > MAX_SERIAL_OCTETS) {
            return "its serial number is " + serial.length + " octets, more than the 20 RFC 5280 §4.1.2.2 allows";
        }
        if (!Arrays.equals(certificate.tbsSignatureAlgorithm(), certificate.signatureAlgorithm())) {
            return "the signature algorithm inside tbsCertificate differs from the outer one (RFC 5280 §4.1.1.2)";
        }
        if (certificate.version() > 3) {
            return "it claims version " + certificate.version() + ", which does not exist";
        }
        if (!certificate.extensions().isEmpty() && certificate.version() != 3) {
            return "it has extensions but is version " + certificate.version() + " (RFC 5280 §4.1.2.9 requires v3)";
        }
        if (certificate.uniqueIdentifiers() && certificate.version() == 1) {
            return "it has unique identifiers but is version 1 (RFC 5280 §4.1.2.8)";
        }
        if (certificate.issuerEmpty()) {
            return "its issuer name is empty (RFC 5280 §4.1.2.4)";
        }
        return extensionProblem(certificate);
    }

    private static String extensionProblem(ParsedCertificate certificate) {
        if (certificate.subjectName().isEmpty()) {
            CertificateExtension san = certificate.extension(CertificateExtension.SUBJECT_ALT_NAME);
            if (san == null || !san.critical()) {
                return "its subject is empty and it has no critical subjectAltName (RFC 5280 §4.1.2.6)";
            }
        }
        for (String oid : new String[] {CertificateExtension.AUTHORITY_KEY_IDENTIFIER,
            CertificateExtension.SUBJECT_KEY_IDENTIFIER}) {
            CertificateExtension extension = certificate.extension(oid);
            if (extension != null && extension.critical()) {
                return "its " + extension.name() + " is critical, which RFC 5280 §4.2.1.1-2 forbids";
            }
        }
        if (certificate.keyUsage() != null && certificate.keyUsage().contains(KeyUsage.KEY_CERT_SIGN)
            && !certificate.isCa()) {
            return "its keyUsage asserts keyCertSign but basicConstraints does not assert cA (RFC 5280 §4.2.1.3)";
        }
        if (certificate.nameConstraints() != null && !certificate.isCa()) {
            return "it carries nameConstraints but is not a CA (RFC 5280 §4.2.1.10)";
        }
        return null;
    }

    private static boolean isZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
