package dev.handshake.pki;

import java.net.IDN;
import java.util.Arrays;

/**
 * The reference identity a client expects the server's certificate to carry (RFC 9525 §6.1):
 * a DNS name or an IP address.
 */
public sealed interface ServerIdentity {

    /**
     * A DNS name as an A-label string in lower case, without a trailing dot.
     *
     * @param name the name, e.g. {@code example.com} or {@code xn--bcher-kva.example}
     */
    record Dns(String name) implements ServerIdentity {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An IPv4 (4 octets) or IPv6 (16 octets) address.
     *
     * @param address the octets, network order
     */
    record Ip(byte[] address) implements ServerIdentity {
        public Ip {
            address = address.clone();
        }

        @Override
        public byte[] address() {
            return address.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ip ip && Arrays.equals(address, ip.address);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address);
        }

        @Override
        public String toString() {
            return IpAddress.format(address);
        }
    }

    /**
     * Reads a host as a user or a URL gives it: an IPv4 dotted quad, an IPv6 literal (with or
     * without brackets), or a DNS name, which may be in Unicode (it is converted to A-labels,
     * RFC 5891) and may end with a dot.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    static ServerIdentity of(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("an empty host name");
        }
        byte[] address = IpAddress.parse(host);
        if (address != null) {
            return new Ip(address);
        }
        if (host.indexOf(':') >= 0 || host.startsWith("[")) {
            throw new IllegalArgumentException("not a valid IPv6 address: " + host);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String ascii = name;
        if (!isAscii(name)) {
            // Unicode labels become A-labels; an ASCII name is checked by isHostname below without
            // loading the JDK's IDNA tables.
            try {
                ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid DNS name: " + host, e);
            }
        }
        if (!DnsName.isHostname(ascii) || isAllDigitsAndDots(ascii)) {
            throw new IllegalArgumentException("not a valid DNS name or IP address: " + host);
        }
        return new Dns(DnsName.lower(ascii));
    }

    /** A name such as "1.2.3" is neither a dotted quad nor a host name (RFC 1123 §2.1). */
    private static boolean isAllDigitsAndDots(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
