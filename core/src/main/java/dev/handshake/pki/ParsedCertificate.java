package dev.handshake.pki;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate decoded once for path validation: the JDK's {@link X509Certificate} for the key,
 * names and dates, and this package's own DER walk of the fields and extensions the JDK does not
 * expose or checks too leniently (RFC 5280 §4.1). Construction never throws: the first decoding
 * problem is kept in {@link #problem()} and the certificate is then rejected wherever it appears.
 */
final class ParsedCertificate {

    /** Larger certificates are refused before they are decoded. */
    static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private final X509Certificate x509;
    private byte[] encoded = new byte[0];
    private byte[] tbs = new byte[0];
    private byte[] signature = new byte[0];
    private byte[] tbsSignatureAlgorithm = new byte[0];
    private byte[] signatureAlgorithm = new byte[0];
    private String signatureOid = "";
    private byte[] signatureParameters;
    private int version = 1;
    private byte[] serial = new byte[0];
    private boolean serialMinimal;
    private boolean uniqueIdentifiers;
    private DistinguishedName subjectName;
    private DistinguishedName issuerName;
    private final List<CertificateExtension> extensions = new ArrayList<>();
    private ExtensionValues.BasicConstraints basicConstraints;
    private Set<KeyUsage> keyUsage;
    private List<String> extendedKeyUsage;
    private List<GeneralName> subjectAltNames;
    private NameConstraints nameConstraints;
    private byte[] subjectKeyId;
    private byte[] authorityKeyId;
    private List<String> caIssuers = List.of();
    private String problem;

    ParsedCertificate(X509Certificate x509) {
        this.x509 = x509;
        try {
            encoded = x509.getEncoded();
            if (encoded.length > MAX_ENCODED_LENGTH) {
                throw new IOException("the certificate is " + encoded.length + " bytes, more than the "
                    + MAX_ENCODED_LENGTH + " accepted");
            }
            decodeCertificate();
        } catch (IOException | CertificateEncodingException | RuntimeException e) {
            problem = e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }

    /** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }. */
    private void decodeCertificate() throws IOException {
        DerReader outer = new DerReader(encoded);
        DerReader certificate = outer.next(DerReader.SEQUENCE).children();
        outer.expectEnd("certificate");
        DerReader.Element tbsElement = certificate.next(DerReader.SEQUENCE);
        tbs = tbsElement.encoded();
        DerReader.Element algorithm = certificate.next(DerReader.SEQUENCE);
        signatureAlgorithm = algorithm.encoded();
        DerReader algorithmFields = algorithm.children();
        signatureOid = algorithmFields.next(DerReader.OBJECT_IDENTIFIER).oid();
        signatureParameters = algorithmFields.hasMore() ? algorithmFields.next().encoded() : null;
        algorithmFields.expectEnd("signature AlgorithmIdentifier");
        signature = certificate.next().bitStringBytes();
        certificate.expectEnd("certificate");
        decodeTbs(tbsElement.children());
    }

    /**
     * TBSCertificate ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, serialNumber, signature,
     * issuer, validity, subject, subjectPublicKeyInfo, issuerUniqueID [1], subjectUniqueID [2],
     * extensions [3] EXPLICIT } (RFC 5280 §4.1.2).
     */
    private void decodeTbs(DerReader fields) throws IOException {
        if (fields.peekTag() == DerReader.contextTag(0, true)) {
            DerReader explicit = fields.next().children();
            version = explicit.next().smallInteger() + 1;
            explicit.expectEnd("version");
        }
        DerReader.Element serialElement = fields.next(DerReader.INTEGER);
        serial = serialElement.contents();
        serialMinimal = serialElement.minimalInteger();
        tbsSignatureAlgorithm = fields.next(DerReader.SEQUENCE).encoded();
        issuerName = DistinguishedName.decode(fields.next());
        fields.next(DerReader.SEQUENCE);
        subjectName = DistinguishedName.decode(fields.next());
        fields.next(DerReader.SEQUENCE);
        while (fields.peekTag() == DerReader.contextTag(1, false) || fields.peekTag() == DerReader.contextTag(2, false)) {
            fields.next();
            uniqueIdentifiers = true;
        }
        if (fields.peekTag() == DerReader.contextTag(3, true)) {
            DerReader explicit = fields.next().children();
            decodeExtensions(explicit.next(DerReader.SEQUENCE).children());
            explicit.expectEnd("extensions");
        }
        fields.expectEnd("tbsCertificate");
    }

    /** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
    private void decodeExtensions(DerReader list) throws IOException {
        Set<String> seen = new HashSet<>();
        while (list.hasMore()) {
            DerReader fields = list.next(DerReader.SEQUENCE).children();
            String oid = fields.next(DerReader.OBJECT_IDENTIFIER).oid();
            boolean critical = fields.peekTag() == DerReader.BOOLEAN && fields.next().bool();
            byte[] value = fields.next(DerReader.OCTET_STRING).contents();
            fields.expectEnd("extension " + oid);
            CertificateExtension extension = new CertificateExtension(oid, critical, value);
            if (!seen.add(oid)) {
                throw new IOException("the extension " + extension.name() + " appears twice (RFC 5280 §4.2)");
            }
            extensions.add(extension);
            try {
                decodeExtension(extension);
            } catch (IOException e) {
                throw new IOException("the " + extension.name() + " extension is malformed: " + e.getMessage(), e);
            }
        }
        if (extensions.isEmpty()) {
            throw new IOException("the extensions field is present but empty (RFC 5280 §4.1.2.9)");
        }
    }

    private void decodeExtension(CertificateExtension extension) throws IOException {
        byte[] value = extension.value();
        switch (extension.oid()) {
            case CertificateExtension.BASIC_CONSTRAINTS -> basicConstraints = ExtensionValues.basicConstraints(value);
            case CertificateExtension.KEY_USAGE -> keyUsage = ExtensionValues.keyUsage(value);
            case CertificateExtension.EXTENDED_KEY_USAGE -> extendedKeyUsage = ExtensionValues.extendedKeyUsage(value);
            case CertificateExtension.SUBJECT_ALT_NAME -> subjectAltNames = ExtensionValues.subjectAltName(value);
            case CertificateExtension.NAME_CONSTRAINTS -> nameConstraints = NameConstraints.decode(value);
            case CertificateExtension.SUBJECT_KEY_IDENTIFIER -> subjectKeyId = ExtensionValues.subjectKeyIdentifier(value);
            case CertificateExtension.AUTHORITY_KEY_IDENTIFIER -> authorityKeyId = ExtensionValues.authorityKeyIdentifier(value);
            case CertificateExtension.AUTHORITY_INFO_ACCESS -> caIssuers = ExtensionValues.caIssuers(value);
            default -> { }
        }
    }

    X509Certificate x509() {
        return x509;
    }

    byte[] encoded() {
        return encoded;
    }

    byte[] tbs() {
        return tbs;
    }

    byte[] signature() {
        return signature;
    }

    /** The outer signatureAlgorithm, DER. */
    byte[] signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The signature field inside tbsCertificate, DER; RFC 5280 §4.1.1.2 wants it equal to the outer one. */
    byte[] tbsSignatureAlgorithm() {
        return tbsSignatureAlgorithm;
    }

    String signatureOid() {
        return signatureOid;
    }

    /** The parameters of the signature algorithm, DER, or null when absent. */
    byte[] signatureParameters() {
        return signatureParameters;
    }

    int version() {
        return version;
    }

    /** The contents octets of serialNumber. */
    byte[] serial() {
        return serial;
    }

    boolean serialMinimal() {
        return serialMinimal;
    }

    boolean uniqueIdentifiers() {
        return uniqueIdentifiers;
    }

    boolean issuerEmpty() {
        return issuerName.isEmpty();
    }

    /** The decoded subject; null only when {@link #problem()} is set. */
    DistinguishedName subjectName() {
        return subjectName;
    }

    /** The decoded issuer; null only when {@link #problem()} is set. */
    DistinguishedName issuerName() {
        return issuerName;
    }

    X500Principal subject() {
        return x509.getSubjectX500Principal();
    }

    X500Principal issuer() {
        return x509.getIssuerX500Principal();
    }

    PublicKey publicKey() {
        return x509.getPublicKey();
    }

    Instant notBefore() {
        return x509.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return x509.getNotAfter().toInstant();
    }

    List<CertificateExtension> extensions() {
        return extensions;
    }

    CertificateExtension extension(String oid) {
        for (CertificateExtension extension : extensions) {
            if (extension.oid().equals(oid)) {
                return extension;
            }
        }
        return null;
    }

    /** basicConstraints, or null when absent. */
    ExtensionValues.BasicConstraints basicConstraints() {
        return basicConstraints;
    }

    boolean isCa() {
        return basicConstraints != null && basicConstraints.ca();
    }

    /** keyUsage, or null when absent (any usage). */
    Set<KeyUsage> keyUsage() {
        return keyUsage;
    }

    /** extendedKeyUsage purposes, or null when absent. */
    List<String> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** subjectAltName, or null when absent. */
    List<GeneralName> subjectAltNames() {
        return subjectAltNames;
    }

    /** nameConstraints, or null when absent. */
    NameConstraints nameConstraints() {
        return nameConstraints;
    }

    byte[] subjectKeyId() {
        return subjectKeyId;
    }

    byte[] authorityKeyId() {
        return authorityKeyId;
    }

    /** The caIssuers URIs of authorityInfoAccess (RFC 5280 §4.2.2.1). */
    List<String> caIssuers() {
        return caIssuers;
    }

    /** Subject and issuer are the same name (RFC 5280 §6.1: "self-issued"). */
    boolean selfIssued() {
        return subjectName.equals(issuerName);
    }

    /** Why the certificate could not be decoded, or null. */
    String problem() {
        return problem;
    }

    /** The subject for sentences, e.g. {@code 'CN=Example CA'}. */
    String name() {
        return "'" + subject().getName() + "'";
    }
}
