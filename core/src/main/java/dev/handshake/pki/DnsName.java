package dev.handshake.pki;

import java.util.Locale;

/**
 * The syntax of DNS names in certificates and their subtree relation. RFC 5280 §4.2.1.6 asks for
 * the "preferred name syntax" of RFC 1034 §3.5 as modified by RFC 1123 §2.1: labels of letters,
 * digits and hyphens, not starting or ending with a hyphen, at most 63 octets, the name at most
 * 253. Internationalized names appear as A-labels (RFC 5890), which this syntax covers.
 */
final class DnsName {

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private DnsName() {
    }

    /** A host name in the preferred name syntax, without a trailing dot. */
    static boolean isHostname(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            if (!isLabel(name, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /**
     * A dNSName as a certificate may present it: a host name, or a wildcard "*." followed by a
     * host name of at least two labels (RFC 9525 §6.3 allows "*" only as the whole left-most label).
     */
    static boolean isPresentedName(String name) {
        if (name.startsWith("*.")) {
            String base = name.substring(2);
            return isHostname(base) && base.indexOf('.') > 0;
        }
        return isHostname(name);
    }

    /**
     * A dNSName in a name constraint (RFC 5280 §4.2.1.10): empty (every name), a host name, or a
     * host name after a leading period (only its subdomains).
     */
    static boolean isConstraint(String constraint) {
        if (constraint.isEmpty()) {
            return true;
        }
        return isHostname(constraint.startsWith(".") ? constraint.substring(1) : constraint);
    }

    /**
     * RFC 5280 §4.2.1.10: a name is within a dNSName subtree when labels can be added to the
     * left of the constraint to make it; a leading period asks for at least one added label.
     */
    static boolean within(String name, String constraint) {
        String n = lower(name);
        String c = lower(constraint);
        if (c.isEmpty()) {
            return true;
        }
        if (c.startsWith(".")) {
            return n.endsWith(c) && n.length() > c.length();
        }
        return n.equals(c) || n.endsWith("." + c);
    }

    /**
     * Whether a wildcard name such as {@code *.example.com} could stand for a name inside the
     * subtree: the constraint lies one label below the wildcard's base.
     */
    static boolean wildcardReaches(String wildcard, String constraint) {
        if (!wildcard.startsWith("*.")) {
            return false;
        }
        String c = lower(constraint.startsWith(".") ? constraint.substring(1) : constraint);
        int dot = c.indexOf('.');
        return dot > 0 && c.substring(dot + 1).equals(lower(wildcard.substring(2)));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isLabel(String name, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LABEL || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
