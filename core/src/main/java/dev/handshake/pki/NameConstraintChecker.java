package dev.handshake.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a CA's nameConstraints to the names of a certificate below it (RFC 5280 §4.2.1.10,
 * §6.1.3 (b), (c)): the subject as a directoryName, its emailAddress attributes as rfc822Names,
 * and every subjectAltName. Each name must lie in one permitted subtree of its form, when the CA
 * permits any of that form, and in no excluded subtree. Forms this validator cannot compare
 * fail when the CA constrains them.
 */
final class NameConstraintChecker {

    /** A bound on name-by-subtree comparisons, so a hostile certificate cannot make checking slow. */
    static final int MAX_COMPARISONS = 1 << 18;

    private NameConstraintChecker() {
    }

    /** Why the certificate's names break the constraints, or null when they do not. */
    static String violation(NameConstraints constraints, ParsedCertificate certificate) throws IOException {
        List<GeneralName> names = names(certificate);
        long comparisons = (long) names.size() * (constraints.permitted().size() + constraints.excluded().size());
        if (comparisons > MAX_COMPARISONS) {
            return "it has too many names (" + names.size() + ") to check against the constraints";
        }
        for (GeneralName name : names) {
            List<GeneralName> permitted = ofType(constraints.permitted(), name.type());
            if (!permitted.isEmpty() && !anyWithin(name, permitted, false)) {
                return "its name " + name + " is outside the permitted subtrees " + permitted;
            }
            for (GeneralName excluded : ofType(constraints.excluded(), name.type())) {
                if (within(name, excluded, true)) {
                    return "its name " + name + " is inside the excluded subtree " + excluded;
                }
            }
        }
        return null;
    }

    private static List<GeneralName> names(ParsedCertificate certificate) throws IOException {
        List<GeneralName> names = new ArrayList<>();
        DistinguishedName subject = certificate.subjectName();
        if (!subject.isEmpty()) {
            byte[] encoded = certificate.subject().getEncoded();
            names.add(new GeneralName(GeneralName.Type.DIRECTORY_NAME, certificate.subject().getName(), encoded));
        }
        for (String email : subject.values(DistinguishedName.EMAIL_ADDRESS)) {
            names.add(new GeneralName(GeneralName.Type.RFC822_NAME, email, new byte[0]));
        }
        if (certificate.subjectAltNames() != null) {
            names.addAll(certificate.subjectAltNames());
        }
        return names;
    }

    private static List<GeneralName> ofType(List<GeneralName> subtrees, GeneralName.Type type) {
        List<GeneralName> out = new ArrayList<>();
        for (GeneralName subtree : subtrees) {
            if (subtree.type() == type) {
                out.add(subtree);
            }
        }
        return out;
    }

    private static boolean anyWithin(GeneralName name, List<GeneralName> subtrees, boolean excluding) throws IOException {
        for (GeneralName subtree : subtrees) {
            if (within(name, subtree, excluding)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name lies in the subtree. When excluding, a wildcard dNSName counts as inside
     * a subtree it could stand for; a form this validator does not compare always counts as
     * inside an excluded subtree and outside a permitted one.
     */
    private static boolean within(GeneralName name, GeneralName subtree, boolean excluding) throws IOException {
        return switch (name.type()) {
            case DNS_NAME -> DnsName.within(name.text(), subtree.text())
                || (excluding && DnsName.wildcardReaches(name.text(), subtree.text()));
            case IP_ADDRESS -> IpAddress.within(name.bytes(), subtree.bytes());
            case RFC822_NAME -> mailboxWithin(name.text(), subtree.text());
            case URI -> uriWithin(name.text(), subtree.text());
            case DIRECTORY_NAME -> name.directoryName().within(subtree.directoryName());
            default -> excluding;
        };
    }

    /** RFC 5280 §4.2.1.10: a mailbox, a host (all mailboxes there) or ".domain" (all below it). */
    private static boolean mailboxWithin(String mailbox, String constraint) {
        int at = mailbox.lastIndexOf('@');
        String domain = DnsName.lower(mailbox.substring(at + 1));
        int constraintAt = constraint.lastIndexOf('@');
        if (constraintAt >= 0) {
            return mailbox.substring(0, at).equals(constraint.substring(0, constraintAt))
                && domain.equals(DnsName.lower(constraint.substring(constraintAt + 1)));
        }
        String c = DnsName.lower(constraint);
        return c.startsWith(".") ? domain.endsWith(c) : domain.equals(c);
    }

    /** RFC 5280 §4.2.1.10: the constraint applies to the host of the URI; a URI without one is outside. */
    private static boolean uriWithin(String uri, String constraint) {
        String host = uriHost(uri);
        if (host == null) {
            return false;
        }
        String c = DnsName.lower(constraint);
        return c.startsWith(".") ? host.endsWith(c) : host.equals(c);
    }

    /** The host of "scheme://[userinfo@]host[:port]/...", lower case, or null (no authority, IP literal). */
    static String uriHost(String uri) {
        int start = uri.indexOf("://");
        if (start < 0) {
            return null;
        }
        String rest = uri.substring(start + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            return null;
        }
        int colon = authority.indexOf(':');
        String host = colon >= 0 ? authority.substring(0, colon) : authority;
        return DnsName.isHostname(host) ? DnsName.lower(host) : null;
    }
}
