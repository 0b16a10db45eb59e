package dev.handshake.pki;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of RFC 5280 §6.1 on a path whose signatures already link the leaf to a trust
 * anchor: profile and critical extensions, validity, key strength, and for each issuer its
 * basicConstraints, pathLenConstraint, keyUsage, extendedKeyUsage and nameConstraints; then the
 * leaf's usages and names. Certificates are checked from the trust anchor down, as §6.1.3 does,
 * so the first failure reported is the one nearest the anchor.
 */
final class PathChecker {

    /** A check failed on the certificate at this index of the path. */
    record Failure(FailureCode code, int index, String message) {
    }

    private final ValidationOptions options;
    private final ServerIdentity expected;
    private final KeyPurpose purpose;
    private final ValidationListener listener;

    PathChecker(ValidationOptions options, ServerIdentity expected, KeyPurpose purpose) {
        this.options = options;
        this.expected = expected;
        this.purpose = purpose;
        this.listener = options.listener();
    }

    /** The first failure of the path (leaf first, trust anchor last), or null when it passes. */
    Failure check(List<ParsedCertificate> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            Failure failure = checkCertificate(path, i);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private Failure checkCertificate(List<ParsedCertificate> path, int i) {
        ParsedCertificate certificate = path.get(i);
        boolean anchor = i == path.size() - 1;
        String role = Wording.role(i, path.size(), true);
        Failure failure = anchor ? null : profile(certificate, i, role);
        if (failure == null && !anchor) {
            failure = criticalExtensions(certificate, i, role);
        }
        if (failure == null) {
            failure = validity(certificate, i, role);
        }
        if (failure == null) {
            failure = keyStrength(certificate, i, role);
        }
        if (failure == null) {
            failure = i > 0 ? new IssuerChecks(path, i, role).check() : leaf(certificate, role);
        }
        return failure;
    }

    private Failure profile(ParsedCertificate certificate, int i, String role) {
        String problem = CertificateProfile.problem(certificate);
        if (problem == null) {
            if (listener != null) {
                passed(certificate, role, "profile (RFC 5280 §4)", "well-formed");
            }
            return null;
        }
        String message = role + " " + certificate.name() + " is malformed: " + problem;
        report(certificate, role, "profile (RFC 5280 §4)", message);
        return new Failure(FailureCode.MALFORMED_CERTIFICATE, i, message);
    }

    /** RFC 5280 §4.2: a certificate with a critical extension we do not process is rejected. */
    private Failure criticalExtensions(ParsedCertificate certificate, int i, String role) {
        for (CertificateExtension extension : certificate.extensions()) {
            if (extension.critical() && !extension.processed()) {
                String message = role + " " + certificate.name() + " has the critical extension " + extension.name()
                    + ", which this validator does not process (RFC 5280 §4.2)";
                report(certificate, role, "critical extensions", message);
                return new Failure(FailureCode.UNKNOWN_CRITICAL_EXTENSION, i, message);
            }
        }
        if (listener != null) {
            passed(certificate, role, "critical extensions", "all understood");
        }
        return null;
    }

    /** RFC 5280 §6.1.3 (a)(2): the validation time lies within notBefore..notAfter. */
    private Failure validity(ParsedCertificate certificate, int i, String role) {
        Instant at = options.time();
        boolean early = at.isBefore(certificate.notBefore());
        boolean late = at.isAfter(certificate.notAfter());
        if (listener != null) {
            listener.onStep(new ValidationStep.ValidityChecked(certificate.x509(), role, certificate.notBefore(),
                certificate.notAfter(), at, !early && !late));
        }
        if (late) {
            String advice = switch (role) {
                case "leaf" -> "the " + purpose.peer() + "'s certificate must be renewed";
                case "intermediate" -> "the " + purpose.peer() + " sends an old intermediate and must send the current one";
                default -> "the trust store must be updated";
            };
            return new Failure(FailureCode.EXPIRED, i, role + " " + certificate.name() + " expired on "
                + Wording.date(certificate.notAfter()) + " \u2014 " + advice);
        }
        if (early) {
            return new Failure(FailureCode.NOT_YET_VALID, i, role + " " + certificate.name() + " is not valid before "
                + Wording.date(certificate.notBefore()) + " (validation time " + at
                + ") \u2014 check this machine's clock, or the certificate was issued with a future date");
        }
        return null;
    }

    private Failure keyStrength(ParsedCertificate certificate, int i, String role) {
        String problem = KeyStrength.problem(certificate.publicKey(), options.minimumRsaBits(), options.minimumEcBits());
        if (problem == null) {
            if (listener != null) {
                passed(certificate, role, "public key", KeyStrength.describe(certificate.publicKey()));
            }
            return null;
        }
        String message = role + " " + certificate.name() + " " + problem;
        report(certificate, role, "public key", message);
        return new Failure(FailureCode.WEAK_KEY, i, message);
    }

    private Failure leaf(ParsedCertificate leaf, String role) {
        Set<String> required = options.extendedKeyUsageFor(purpose);
        List<String> listed = leaf.extendedKeyUsage();
        if (listed == null || !listed.containsAll(required)) {
            String message = "leaf " + leaf.name() + (listed == null ? " has no extendedKeyUsage"
                : " has extendedKeyUsage " + purposes(listed)) + ", but " + purposes(required)
                + " is required \u2014 it is not a TLS " + purpose.peer() + " certificate";
            report(leaf, role, "extendedKeyUsage", message);
            return new Failure(FailureCode.EXTENDED_KEY_USAGE, 0, message);
        }
        if (listener != null) {
            passed(leaf, role, "extendedKeyUsage", purposes(listed) + " includes " + purposes(required));
        }
        Set<KeyUsage> usage = leaf.keyUsage();
        if (usage != null && !usage.containsAll(options.leafKeyUsage())) {
            String message = "leaf " + leaf.name() + " has keyUsage " + usages(usage) + ", but the key exchange needs "
                + usages(options.leafKeyUsage()) + " (RFC 5280 §4.2.1.3)";
            report(leaf, role, "keyUsage", message);
            return new Failure(FailureCode.KEY_USAGE, 0, message);
        }
        if (listener != null) {
            passed(leaf, role, "keyUsage", usage == null ? "absent: any usage" : usages(usage));
        }
        Failure failure = expected == null ? null : identity(leaf, role);
        return failure != null || purpose != KeyPurpose.CLIENT_AUTH ? failure : clientNames(leaf, role);
    }

    /** RFC 9525 §6: the reference identity is among the subjectAltName entries. */
    private Failure identity(ParsedCertificate leaf, String role) {
        List<GeneralName> names = leaf.subjectAltNames() == null ? List.of() : leaf.subjectAltNames();
        if (HostnameMatcher.matches(expected, names)) {
            if (listener != null) {
                passed(leaf, role, "subjectAltName", "matches '" + expected + "'");
            }
            return null;
        }
        String message = "leaf " + leaf.name() + (names.isEmpty()
            ? " has no subjectAltName, so it names no host (the subject's CN is not used, RFC 9525 §6.3)"
            : " is valid for " + names) + ", not for '" + expected + "'";
        report(leaf, role, "subjectAltName", message);
        return new Failure(FailureCode.NAME_MISMATCH, 0, message);
    }

    private static boolean carries(List<GeneralName> names, GeneralName required) {
        for (GeneralName name : names) {
            if (required.sameAs(name)) {
                return true;
            }
        }
        return false;
    }

    private Failure clientNames(ParsedCertificate leaf, String role) {
        List<GeneralName> names = leaf.subjectAltNames() == null ? List.of() : leaf.subjectAltNames();
        for (GeneralName required : options.requiredClientNames()) {
            if (!carries(names, required)) {
                String message = "leaf " + leaf.name() + " does not carry the required name " + required
                    + " (it has " + names + ")";
                report(leaf, role, "required client names", message);
                return new Failure(FailureCode.MISSING_CLIENT_NAME, 0, message);
            }
        }
        return null;
    }

    /** The checks that make a certificate fit to issue the ones below it (RFC 5280 §6.1.4). */
    private final class IssuerChecks {
        private final List<ParsedCertificate> path;
        private final int i;
        private final String role;
        private final ParsedCertificate ca;
        private final boolean anchor;

        IssuerChecks(List<ParsedCertificate> path, int i, String role) {
            this.path = path;
            this.i = i;
            this.role = role;
            this.ca = path.get(i);
            this.anchor = i == path.size() - 1;
        }

        Failure check() {
            Failure failure = basicConstraints();
            if (failure == null) {
                failure = keyCertSign();
            }
            if (failure == null) {
                failure = extendedKeyUsage();
            }
            if (failure == null && ca.nameConstraints() != null) {
                failure = nameConstraints();
            }
            return failure;
        }

        /** §6.1.4 (k), (m): a CA, with no more non-self-issued intermediates below it than pathLenConstraint. */
        private Failure basicConstraints() {
            ExtensionValues.BasicConstraints constraints = ca.basicConstraints();
            boolean mayIssue = ca.isCa() || (anchor && constraints == null);
            if (!mayIssue) {
                String message = role + " " + ca.name() + " is not a CA (basicConstraints cA is "
                    + (constraints == null ? "absent" : "false") + "), so it cannot issue " + path.get(i - 1).name();
                report(ca, role, "basicConstraints", message);
                return new Failure(FailureCode.NOT_A_CA, i, message);
            }
            int below = 0;
            for (int j = 1; j < i; j++) {
                below += path.get(j).selfIssued() ? 0 : 1;
            }
            int limit = constraints == null ? -1 : constraints.pathLenConstraint();
            if (limit >= 0 && below > limit) {
                String message = role + " " + ca.name() + " allows " + limit + " intermediate(s) below it"
                    + " (pathLenConstraint), but the path has " + below;
                report(ca, role, "basicConstraints", message);
                return new Failure(FailureCode.PATH_LENGTH_EXCEEDED, i, message);
            }
            if (listener != null) {
                passed(ca, role, "basicConstraints", "cA" + (limit >= 0 ? ", pathLenConstraint " + limit : "")
                    + ", " + below + " intermediate(s) below");
            }
            return null;
        }

        /** §6.1.4 (n): keyUsage, when present, asserts keyCertSign. */
        private Failure keyCertSign() {
            Set<KeyUsage> usage = ca.keyUsage();
            if (usage != null && !usage.contains(KeyUsage.KEY_CERT_SIGN)) {
                String message = role + " " + ca.name() + " has keyUsage " + usages(usage)
                    + " without keyCertSign, so it cannot sign certificates (RFC 5280 §4.2.1.3)";
                report(ca, role, "keyUsage", message);
                return new Failure(FailureCode.KEY_USAGE, i, message);
            }
            if (listener != null) {
                passed(ca, role, "keyUsage", usage == null ? "absent: any usage" : usages(usage));
            }
            return null;
        }

        /** A CA that lists key purposes restricts the certificates below it to them. */
        private Failure extendedKeyUsage() {
            List<String> listed = ca.extendedKeyUsage();
            Set<String> required = options.extendedKeyUsageFor(purpose);
            if (listed != null && !listed.contains(KeyPurpose.ANY_EXTENDED_KEY_USAGE) && !listed.containsAll(required)) {
                String message = role + " " + ca.name() + " restricts extendedKeyUsage to " + purposes(listed)
                    + ", which excludes " + purposes(required);
                report(ca, role, "extendedKeyUsage", message);
                return new Failure(FailureCode.EXTENDED_KEY_USAGE, i, message);
            }
            if (listener != null) {
                passed(ca, role, "extendedKeyUsage", listed == null ? "absent: unrestricted" : purposes(listed));
            }
            return null;
        }

        /** §6.1.3 (b), (c): every certificate below, except self-issued intermediates, obeys the constraints. */
        private Failure nameConstraints() {
            for (int j = i - 1; j >= 0; j--) {
                ParsedCertificate below = path.get(j);
                if (j > 0 && below.selfIssued()) {
                    continue;
                }
                String violation;
                try {
                    violation = NameConstraintChecker.violation(ca.nameConstraints(), below);
                } catch (IOException e) {
                    violation = "its names cannot be compared: " + e.getMessage();
                }
                if (violation != null) {
                    String message = Wording.role(j, path.size(), true) + " " + below.name() + " breaks the nameConstraints of "
                        + role + " " + ca.name() + ": " + violation;
                    report(ca, role, "nameConstraints", message);
                    return new Failure(FailureCode.NAME_CONSTRAINTS, j, message);
                }
            }
            if (listener != null) {
                passed(ca, role, "nameConstraints", "permitted " + ca.nameConstraints().permitted() + ", excluded "
                    + ca.nameConstraints().excluded() + ": every name below complies");
            }
            return null;
        }
    }

    /** Tells the listener that a check passed; callers build the detail only when there is a listener. */
    private void passed(ParsedCertificate certificate, String role, String constraint, String detail) {
        listener.onStep(new ValidationStep.ConstraintChecked(certificate.x509(), role, constraint, true, detail));
    }

    /** Tells the listener, if any, that a check failed. */
    private void report(ParsedCertificate certificate, String role, String constraint, String failure) {
        if (listener != null) {
            listener.onStep(new ValidationStep.ConstraintChecked(certificate.x509(), role, constraint, false, failure));
        }
    }

    private static String purposes(Iterable<String> oids) {
        List<String> names = new ArrayList<>();
        for (String oid : oids) {
            names.add(KeyPurpose.describe(oid));
        }
        return names.toString();
    }

    private static String usages(Set<KeyUsage> usages) {
        List<String> names = new ArrayList<>();
        for (KeyUsage usage : usages) {
            names.add(usage.rfcName());
        }
        return names.toString();
    }
}
