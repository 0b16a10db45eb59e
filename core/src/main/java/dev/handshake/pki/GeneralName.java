package dev.handshake.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;

/**
 * A GeneralName (RFC 5280 §4.2.1.6) as it appears in subjectAltName and in name constraints.
 * Decoding checks the syntax of the forms this validator compares: a malformed dNSName, an
 * iPAddress of the wrong length or a non-ASCII IA5String is an error, not a name.
 *
 * @param type the CHOICE alternative
 * @param text the name as text: the IA5String of rfc822Name, dNSName and URI; the address of
 *     iPAddress; the RFC 2253 form of directoryName; hex DER for the other forms
 * @param bytes the contents as encoded (the address octets for iPAddress)
 */
public record GeneralName(Type type, String text, byte[] bytes) {

    /** The alternatives of the GeneralName CHOICE, numbered by their context tag. */
    public enum Type {
        OTHER_NAME, RFC822_NAME, DNS_NAME, X400_ADDRESS, DIRECTORY_NAME, EDI_PARTY_NAME, URI, IP_ADDRESS, REGISTERED_ID
    }

    /** A dNSName, e.g. a name a client certificate must carry. */
    public static GeneralName dnsName(String name) {
        if (!DnsName.isHostname(name)) {
            throw new IllegalArgumentException("not a DNS name: " + name);
        }
        return new GeneralName(Type.DNS_NAME, DnsName.lower(name), name.getBytes(StandardCharsets.US_ASCII));
    }

    /** An iPAddress from its literal, IPv4 or IPv6. */
    public static GeneralName ipAddress(String literal) {
        byte[] address = IpAddress.parse(literal);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        return new GeneralName(Type.IP_ADDRESS, IpAddress.format(address), address);
    }

    /** An rfc822Name: a mailbox such as {@code alice@example.com}. */
    public static GeneralName rfc822Name(String mailbox) {
        if (!isMailbox(mailbox)) {
            throw new IllegalArgumentException("not a mailbox: " + mailbox);
        }
        return new GeneralName(Type.RFC822_NAME, mailbox, mailbox.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decodes one GeneralName.
     *
     * @param inConstraint true in a GeneralSubtree, where iPAddress carries a mask and dNSName,
     *     rfc822Name and URI may name a domain (RFC 5280 §4.2.1.10)
     */
    static GeneralName decode(DerReader.Element element, boolean inConstraint) throws IOException {
        int tag = element.tag();
        if ((tag & 0xC0) != 0x80 || (tag & 0x1F) > 8) {
            throw new IOException(String.format("a GeneralName has the tag 0x%02x", tag));
        }
        Type type = Type.values()[tag & 0x1F];
        boolean constructed = type == Type.OTHER_NAME || type == Type.X400_ADDRESS
            || type == Type.DIRECTORY_NAME || type == Type.EDI_PARTY_NAME;
        if (element.constructed() != constructed) {
            throw new IOException("a GeneralName " + type + " has the wrong form");
        }
        byte[] bytes = element.contents();
        return switch (type) {
            case DNS_NAME -> dns(ascii(bytes, type), inConstraint, bytes);
            case RFC822_NAME -> mailbox(ascii(bytes, type), inConstraint, bytes);
            case URI -> uri(ascii(bytes, type), inConstraint, bytes);
            case IP_ADDRESS -> ip(bytes, inConstraint);
            case DIRECTORY_NAME -> directory(element, bytes);
            default -> new GeneralName(type, HexFormat.of().formatHex(bytes), bytes);
        };
    }

    /**
     * Whether the other name is the same name: DNS names and the domain of mailboxes compare
     * case-insensitively (RFC 5280 §7.2, §7.5), addresses by their octets, the rest exactly.
     */
    boolean sameAs(GeneralName other) {
        if (type != other.type) {
            return false;
        }
        return switch (type) {
            case DNS_NAME -> text.equalsIgnoreCase(other.text);
            case IP_ADDRESS -> Arrays.equals(bytes, other.bytes);
            case RFC822_NAME -> {
                int at = text.lastIndexOf('@');
                int otherAt = other.text.lastIndexOf('@');
                yield at == otherAt && text.substring(0, at + 1).equals(other.text.substring(0, otherAt + 1))
                    && text.substring(at + 1).equalsIgnoreCase(other.text.substring(otherAt + 1));
            }
            default -> text.equals(other.text);
        };
    }

    /** The directoryName as a decoded Name. */
    DistinguishedName directoryName() throws IOException {
        DerReader reader = new DerReader(bytes);
        DistinguishedName name = DistinguishedName.decode(reader.next());
        reader.expectEnd("directoryName");
        return name;
    }

    @Override
    public String toString() {
        String prefix = switch (type) {
            case DNS_NAME -> "DNS:";
            case IP_ADDRESS -> "IP:";
            case RFC822_NAME -> "email:";
            case URI -> "URI:";
            case DIRECTORY_NAME -> "dirName:";
            default -> type + ":";
        };
        return prefix + text;
    }

    private static GeneralName dns(String name, boolean inConstraint, byte[] bytes) throws IOException {
        if (inConstraint ? !DnsName.isConstraint(name) : !DnsName.isPresentedName(name)) {
            throw new IOException("the dNSName '" + printable(name) + "' is not a valid DNS name");
        }
        return new GeneralName(Type.DNS_NAME, name, bytes);
    }

    private static GeneralName mailbox(String name, boolean inConstraint, byte[] bytes) throws IOException {
        boolean ok = isMailbox(name) || (inConstraint && DnsName.isConstraint(name) && !name.isEmpty());
        if (!ok) {
            throw new IOException("the rfc822Name '" + printable(name) + "' is not a valid mailbox");
        }
        return new GeneralName(Type.RFC822_NAME, name, bytes);
    }

    private static GeneralName uri(String name, boolean inConstraint, byte[] bytes) throws IOException {
        boolean ok = inConstraint ? DnsName.isConstraint(name) && !name.isEmpty() : name.indexOf(':') > 0;
        if (!ok) {
            throw new IOException("the URI '" + printable(name) + "' is not valid here");
        }
        return new GeneralName(Type.URI, name, bytes);
    }

    private static GeneralName ip(byte[] bytes, boolean inConstraint) throws IOException {
        if (inConstraint) {
            if ((bytes.length != 8 && bytes.length != 32) || !IpAddress.contiguousMask(bytes)) {
                throw new IOException("an iPAddress constraint is " + bytes.length
                    + " octets or has a broken mask; RFC 5280 §4.2.1.10 asks for 8 or 32 with a prefix mask");
            }
            return new GeneralName(Type.IP_ADDRESS, IpAddress.formatSubnet(bytes), bytes);
        }
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IOException("an iPAddress is " + bytes.length + " octets; RFC 5280 §4.2.1.6 asks for 4 or 16");
        }
        return new GeneralName(Type.IP_ADDRESS, IpAddress.format(bytes), bytes);
    }

    private static GeneralName directory(DerReader.Element element, byte[] bytes) throws IOException {
        DerReader reader = element.children();
        DerReader.Element name = reader.next(DerReader.SEQUENCE);
        reader.expectEnd("directoryName");
        DistinguishedName.decode(name);
        try {
            return new GeneralName(Type.DIRECTORY_NAME, new X500Principal(name.encoded()).getName(), name.encoded());
        } catch (IllegalArgumentException e) {
            throw new IOException("a directoryName cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isMailbox(String name) {
        int at = name.indexOf('@');
        return at > 0 && at == name.lastIndexOf('@') && DnsName.isHostname(name.substring(at + 1))
            && name.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static String ascii(byte[] bytes, Type type) throws IOException {
        for (byte b : bytes) {
            if (b < 0) {
                throw new IOException("a GeneralName " + type + " is not an IA5String");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The name with control characters escaped, safe to put in a message. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
