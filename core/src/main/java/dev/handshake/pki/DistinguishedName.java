package dev.handshake.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A Name (RFC 5280 §4.1.2.4): a sequence of relative distinguished names, each a non-empty set
 * of attribute type and value pairs. Decoding checks the structure and the string types; values
 * are kept in a normalized form, so two names are equal when they match under RFC 5280 §7.1: the
 * same attributes in the same RDNs (an RDN being a set), string values compared after the RFC 4518
 * basics. Chain building matches issuer to subject names with this, not with X500Principal, whose
 * canonical form loads the JDK's Unicode tables on first use even for ASCII names.
 */
final class DistinguishedName {

    /** emailAddress (RFC 5280 §4.1.2.6, PKCS #9): legacy mailboxes in the subject. */
    static final String EMAIL_ADDRESS = "1.2.840.113549.1.9.1";

    /** One attribute: its type and its value, normalized when it is a string. */
    record Attribute(String type, String value) {
    }

    private final List<List<Attribute>> rdns;
    /** The normalized name as one string, unambiguous (each part length-prefixed), RDN members sorted. */
    private final String key;

    private DistinguishedName(List<List<Attribute>> rdns) {
        this.rdns = rdns;
        StringBuilder key = new StringBuilder();
        for (List<Attribute> rdn : rdns) {
            List<String> members = new ArrayList<>();
            for (Attribute attribute : rdn) {
                members.add(attribute.type().length() + ":" + attribute.type() + attribute.value().length() + ":"
                    + attribute.value());
            }
            Collections.sort(members);
            key.append(members.size()).append('{');
            for (String member : members) {
                key.append(member);
            }
            key.append('}');
        }
        this.key = key.toString();
    }

    static DistinguishedName decode(DerReader.Element name) throws IOException {
        if (name.tag() != DerReader.SEQUENCE) {
            throw new IOException("a Name is not a SEQUENCE");
        }
        List<List<Attribute>> rdns = new ArrayList<>();
        DerReader sets = name.children();
        while (sets.hasMore()) {
            DerReader set = sets.next(DerReader.SET).children();
            List<Attribute> rdn = new ArrayList<>();
            while (set.hasMore()) {
                DerReader pair = set.next(DerReader.SEQUENCE).children();
                String type = pair.next(DerReader.OBJECT_IDENTIFIER).oid();
                DerReader.Element value = pair.next();
                pair.expectEnd("AttributeTypeAndValue");
                rdn.add(new Attribute(type, normalize(value)));
            }
            if (rdn.isEmpty()) {
                throw new IOException("a Name has an empty RelativeDistinguishedName");
            }
            rdns.add(rdn);
        }
        return new DistinguishedName(rdns);
    }

    boolean isEmpty() {
        return rdns.isEmpty();
    }

    /** The values of every attribute of this type, in order. */
    List<String> values(String type) {
        List<String> values = new ArrayList<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute attribute : rdn) {
                if (attribute.type().equals(type)) {
                    values.add(attribute.value());
                }
            }
        }
        return values;
    }

    /**
     * RFC 5280 §4.2.1.10: a directoryName is within a subtree when the constraint's RDNs are the
     * first RDNs of the name. RDNs compare as sets of attributes.
     */
    boolean within(DistinguishedName constraint) {
        if (constraint.rdns.size() > rdns.size()) {
            return false;
        }
        for (int i = 0; i < constraint.rdns.size(); i++) {
            List<Attribute> a = rdns.get(i);
            List<Attribute> b = constraint.rdns.get(i);
            if (a.size() != b.size() || !a.containsAll(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of a directory string (RFC 5280 §4.1.2.4) after the RFC 4518 basics: leading and
     * trailing spaces removed, inner runs of spaces folded, case folded. Other values keep their
     * DER in hex. Rejects a string whose bytes do not fit its type.
     */
    private static String normalize(DerReader.Element value) throws IOException {
        String text = switch (value.tag()) {
            case DerReader.UTF8_STRING -> decode(value, StandardCharsets.UTF_8);
            case DerReader.PRINTABLE_STRING -> printable(value);
            case DerReader.IA5_STRING -> decode(value, StandardCharsets.US_ASCII);
            case DerReader.TELETEX_STRING -> decode(value, StandardCharsets.ISO_8859_1);
            case DerReader.BMP_STRING -> decode(value, StandardCharsets.UTF_16BE);
            case DerReader.UNIVERSAL_STRING -> decode(value, Charset.forName("UTF-32BE"));
            default -> null;
        };
        if (text == null) {
            return "#" + HexFormat.of().formatHex(value.encoded());
        }
        return foldSpaces(compatible(text)).toLowerCase(Locale.ROOT);
    }

    /** RFC 4518 §2.3: NFKC; ASCII text is its own NFKC form, so only other text goes to the Normalizer. */
    private static String compatible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /** RFC 4518 §2.6.1: no leading or trailing space, each inner run of spaces as one. */
    private static String foldSpaces(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = folded.length() > 0;
            } else {
                if (pendingSpace) {
                    folded.append(' ');
                    pendingSpace = false;
                }
                folded.append(c);
            }
        }
        return folded.toString();
    }

    private static String printable(DerReader.Element value) throws IOException {
        String text = decode(value, StandardCharsets.US_ASCII);
        for (char c : text.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " '()+,-./:=?".indexOf(c) >= 0;
            if (!ok) {
                throw new IOException("a PrintableString holds the character 0x" + Integer.toHexString(c));
            }
        }
        return text;
    }

    private static String decode(DerReader.Element value, Charset charset) throws IOException {
        try {
            return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(value.contents()))
                .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("a name attribute is not valid " + charset.name(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistinguishedName that && that.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
