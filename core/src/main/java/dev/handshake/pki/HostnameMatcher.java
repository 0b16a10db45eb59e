package dev.handshake.pki;

import java.util.Arrays;
import java.util.List;

/**
 * Matches a reference identity against the subjectAltName of a server's certificate (RFC 9525
 * §6.3, §6.4; RFC 6125 §6.4). DNS names compare as A-labels, case-insensitively, with a wildcard
 * only as the whole left-most label standing for exactly one label. IP addresses compare only
 * with iPAddress entries. The subject's common name is never consulted (RFC 9525 §6.3).
 */
final class HostnameMatcher {

    private HostnameMatcher() {
    }

    static boolean matches(ServerIdentity expected, List<GeneralName> subjectAltNames) {
        if (subjectAltNames == null) {
            return false;
        }
        for (GeneralName name : subjectAltNames) {
            boolean match = expected instanceof ServerIdentity.Dns dns
                ? name.type() == GeneralName.Type.DNS_NAME && matchesDns(name.text(), dns.name())
                : name.type() == GeneralName.Type.IP_ADDRESS
                    && Arrays.equals(name.bytes(), ((ServerIdentity.Ip) expected).address());
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** One presented dNSName against one reference name (both A-label strings). */
    static boolean matchesDns(String presented, String reference) {
        String p = DnsName.lower(presented);
        String r = DnsName.lower(reference);
        if (!p.startsWith("*.")) {
            return p.equals(r);
        }
        // RFC 9525 §6.3: "*" matches exactly one whole left-most label, never an empty one.
        int dot = r.indexOf('.');
        return dot > 0 && r.substring(dot).equals(p.substring(1));
    }
}
