package dev.handshake.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decoders of the extnValue of the extensions path validation reads (RFC 5280 §4.2). */
final class ExtensionValues {

    /** id-ad-caIssuers (RFC 5280 §4.2.2.1). */
    static final String CA_ISSUERS = "1.3.6.1.5.5.7.48.2";

    /** basicConstraints (RFC 5280 §4.2.1.9); pathLenConstraint is -1 when absent. */
    record BasicConstraints(boolean ca, int pathLenConstraint) {
    }

    private ExtensionValues() {
    }

    /** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }. */
    static BasicConstraints basicConstraints(byte[] value) throws IOException {
        DerReader fields = single(value, DerReader.SEQUENCE, "basicConstraints");
        boolean ca = false;
        int pathLen = -1;
        if (fields.peekTag() == DerReader.BOOLEAN) {
            ca = fields.next().bool();
        }
        if (fields.peekTag() == DerReader.INTEGER) {
            pathLen = fields.next().smallInteger();
        }
        fields.expectEnd("basicConstraints");
        if (pathLen >= 0 && !ca) {
            throw new IOException("basicConstraints has a pathLenConstraint without cA (RFC 5280 §4.2.1.9)");
        }
        return new BasicConstraints(ca, pathLen);
    }

    /** KeyUsage ::= BIT STRING; at least one bit must be set (RFC 5280 §4.2.1.3). */
    static Set<KeyUsage> keyUsage(byte[] value) throws IOException {
        DerReader reader = new DerReader(value);
        int mask = reader.next().bitMask();
        reader.expectEnd("keyUsage");
        Set<KeyUsage> usages = KeyUsage.fromMask(mask);
        if (usages.isEmpty()) {
            throw new IOException("keyUsage sets no bit (RFC 5280 §4.2.1.3)");
        }
        return usages;
    }

    /** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (RFC 5280 §4.2.1.12). */
    static List<String> extendedKeyUsage(byte[] value) throws IOException {
        DerReader reader = single(value, DerReader.SEQUENCE, "extendedKeyUsage");
        List<String> purposes = new ArrayList<>();
        while (reader.hasMore()) {
            purposes.add(reader.next(DerReader.OBJECT_IDENTIFIER).oid());
        }
        if (purposes.isEmpty()) {
            throw new IOException("extendedKeyUsage lists no purpose (RFC 5280 §4.2.1.12)");
        }
        return purposes;
    }

    /** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName; an empty one is an error (RFC 5280 §4.2.1.6). */
    static List<GeneralName> subjectAltName(byte[] value) throws IOException {
        DerReader reader = single(value, DerReader.SEQUENCE, "subjectAltName");
        List<GeneralName> names = new ArrayList<>();
        while (reader.hasMore()) {
            names.add(GeneralName.decode(reader.next(), false));
        }
        if (names.isEmpty()) {
            throw new IOException("subjectAltName is present but empty (RFC 5280 §4.2.1.6)");
        }
        return names;
    }

    /** SubjectKeyIdentifier ::= KeyIdentifier ::= OCTET STRING (RFC 5280 §4.2.1.2). */
    static byte[] subjectKeyIdentifier(byte[] value) throws IOException {
        DerReader reader = new DerReader(value);
        byte[] id = reader.next(DerReader.OCTET_STRING).contents();
        reader.expectEnd("subjectKeyIdentifier");
        if (id.length == 0) {
            throw new IOException("subjectKeyIdentifier is empty (RFC 5280 §4.2.1.2)");
        }
        return id;
    }

    /**
     * AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OPTIONAL, authorityCertIssuer [1]
     * OPTIONAL, authorityCertSerialNumber [2] OPTIONAL } (RFC 5280 §4.2.1.1); returns the key
     * identifier or null.
     */
    static byte[] authorityKeyIdentifier(byte[] value) throws IOException {
        DerReader reader = single(value, DerReader.SEQUENCE, "authorityKeyIdentifier");
        byte[] id = null;
        if (reader.peekTag() == DerReader.contextTag(0, false)) {
            id = reader.next().contents();
            if (id.length == 0) {
                throw new IOException("authorityKeyIdentifier has an empty keyIdentifier (RFC 5280 §4.2.1.1)");
            }
        }
        boolean issuer = reader.peekTag() == DerReader.contextTag(1, true);
        if (issuer) {
            reader.next();
        }
        boolean serial = reader.peekTag() == DerReader.contextTag(2, false);
        if (serial) {
            reader.next();
        }
        reader.expectEnd("authorityKeyIdentifier");
        if (issuer != serial) {
            throw new IOException("authorityKeyIdentifier has only one of authorityCertIssuer and authorityCertSerialNumber");
        }
        return id;
    }

    /**
     * AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription (RFC 5280
     * §4.2.2.1); returns the URIs of the caIssuers access descriptions.
     */
    static List<String> caIssuers(byte[] value) throws IOException {
        DerReader reader = single(value, DerReader.SEQUENCE, "authorityInfoAccess");
        List<String> uris = new ArrayList<>();
        while (reader.hasMore()) {
            DerReader description = reader.next(DerReader.SEQUENCE).children();
            String method = description.next(DerReader.OBJECT_IDENTIFIER).oid();
            DerReader.Element location = description.next();
            description.expectEnd("AccessDescription");
            if (method.equals(CA_ISSUERS) && location.tag() == DerReader.contextTag(6, false)) {
                uris.add(GeneralName.decode(location, false).text());
            }
        }
        return uris;
    }

    /** The children of the one element of the given tag that the value holds. */
    private static DerReader single(byte[] value, int tag, String what) throws IOException {
        DerReader reader = new DerReader(value);
        DerReader.Element element = reader.next(tag);
        reader.expectEnd(what);
        return element.children();
    }
}
