package dev.handshake.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** One step of a validation, in the order RFC 4158 path building and RFC 5280 §6.1 take them. */
public sealed interface ValidationStep {

    /** The step as a sentence, for an explanation. */
    String describe();

    /** Where a candidate issuer came from. */
    enum Source {
        INTERMEDIATES("the certificates the peer sent"),
        TRUST_ANCHORS("the trust anchors"),
        AIA("an authorityInfoAccess download");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A certificate whose subject is the subject's issuer name is tried as its issuer. */
    record IssuerCandidate(X509Certificate subject, X509Certificate issuer, Source source) implements ValidationStep {
        @Override
        public String describe() {
            return "trying " + Wording.name(issuer) + " from " + source.description() + " as the issuer of "
                + Wording.name(subject);
        }
    }

    /**
     * A signature was checked with the issuer's key.
     *
     * @param algorithm the RFC name, e.g. {@code sha256WithRSAEncryption}
     * @param hashAlgorithm the hash over tbsCertificate, or null (EdDSA hashes inside the scheme)
     * @param tbsHash the hash of tbsCertificate, or null
     * @param signedHash the hash the signature carries, recovered for RSA PKCS#1 v1.5, else null
     * @param problem why it does not verify, or null
     */
    record SignatureChecked(X509Certificate subject, X509Certificate issuer, String algorithm, String hashAlgorithm,
                            byte[] tbsHash, byte[] signedHash, boolean matches, String problem) implements ValidationStep {
        @Override
        public String describe() {
            StringBuilder out = new StringBuilder(Wording.name(subject) + " was signed by " + Wording.name(issuer)
                + " with " + algorithm + ": " + (matches ? "signature matches" : "signature does NOT match"));
            if (tbsHash != null) {
                out.append(String.format("\n    %-28s %s", hashAlgorithm + " of tbsCertificate:", Wording.hex(tbsHash)));
            }
            if (signedHash != null) {
                out.append(String.format("\n    %-28s %s", "hash inside the signature:", Wording.hex(signedHash)));
            }
            if (problem != null) {
                out.append("\n    ").append(problem);
            }
            return out.toString();
        }
    }

    /** No certificate with the issuer's name was found for this subject. */
    record NoIssuerFound(X509Certificate subject) implements ValidationStep {
        @Override
        public String describe() {
            return "no certificate named " + "'" + subject.getIssuerX500Principal().getName() + "' to issue "
                + Wording.name(subject);
        }
    }

    /** A caIssuers URI was fetched (RFC 5280 §4.2.2.1); problem is null on success. */
    record IssuerFetched(X509Certificate subject, String uri, int certificates, String problem) implements ValidationStep {
        @Override
        public String describe() {
            return problem == null
                ? "fetched " + certificates + " certificate(s) from " + uri + " for the issuer of " + Wording.name(subject)
                : "could not fetch the issuer of " + Wording.name(subject) + " from " + uri + ": " + problem;
        }
    }

    /** Signatures link a path from the leaf to a trust anchor; its checks follow. */
    record PathFound(List<X509Certificate> path) implements ValidationStep {
        @Override
        public String describe() {
            return "candidate path: " + Wording.path(path);
        }
    }

    /** A certificate's validity window (RFC 5280 §6.1.3 (a)(2)). */
    record ValidityChecked(X509Certificate certificate, String role, Instant notBefore, Instant notAfter, Instant at,
                           boolean ok) implements ValidationStep {
        @Override
        public String describe() {
            return role + " " + Wording.name(certificate) + " is valid from " + notBefore + " to " + notAfter + ": "
                + (ok ? "includes " : "does NOT include ") + at;
        }
    }

    /**
     * A constraint was checked on a certificate.
     *
     * @param constraint what was checked, e.g. {@code basicConstraints}, {@code subjectAltName}
     */
    record ConstraintChecked(X509Certificate certificate, String role, String constraint, boolean ok, String detail)
        implements ValidationStep {
        @Override
        public String describe() {
            return role + " " + Wording.name(certificate) + " " + constraint + ": " + (ok ? "ok" : "FAILED") + " \u2014 "
                + detail;
        }
    }

    /** The path failed a check; building goes on with other candidates. */
    record PathRejected(List<X509Certificate> path, FailureCode code, String message) implements ValidationStep {
        @Override
        public String describe() {
            return "path rejected (" + code + "): " + message;
        }
    }

    /** The path passed every check. */
    record PathAccepted(List<X509Certificate> path) implements ValidationStep {
        @Override
        public String describe() {
            return "path accepted: " + Wording.path(path);
        }
    }
}
