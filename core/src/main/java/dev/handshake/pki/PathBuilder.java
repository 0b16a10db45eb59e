package dev.handshake.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds paths from a leaf up to a trust anchor in the spirit of RFC 4158: depth first, trying
 * every certificate whose subject is the current certificate's issuer (trust anchors first,
 * then what the peer sent, then AIA downloads; those whose key identifiers agree and that are
 * valid now before the others), backtracking when a path fails, until one passes
 * {@link PathChecker}. A certificate never appears twice in a path, nor the same subject and
 * key, so there are no loops; the depth, the signature checks and the steps are bounded, so a
 * hostile set of certificates cannot make it spin.
 */
final class PathBuilder {

    /** The most issuer candidates one validation considers. */
    static final int MAX_STEPS = 1024;
    /** The most caIssuers downloads one validation makes. */
    static final int MAX_FETCHES = 4;

    private record Candidate(ParsedCertificate certificate, ValidationStep.Source source) {
    }

    /**
     * A signature link; ParsedCertificate compares by identity, each certificate is parsed once.
     * equals and hashCode are written out so their first use bootstraps no method handles.
     */
    private record Link(ParsedCertificate subject, ParsedCertificate issuer) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Link that && that.subject == subject && that.issuer == issuer;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(subject) + System.identityHashCode(issuer);
        }
    }

    /** Why a path, or an attempt at one, failed. */
    private record Rejection(FailureCode code, List<ParsedCertificate> path, int index, String message) {
    }

    private final TrustAnchors anchors;
    private final List<ParsedCertificate> intermediates;
    private final List<ParsedCertificate> fetched = new ArrayList<>();
    private final Set<ByteBuffer> known = new HashSet<>();
    private final List<String> unreadable;
    private final ValidationOptions options;
    private final KeyPurpose purpose;
    private final PathChecker checker;
    private final ValidationListener listener;
    private final Map<Link, Signatures.Outcome> signatures = new HashMap<>();
    private int signatureChecks;
    private int steps;
    private int fetches;
    private boolean exhausted;
    private boolean tooDeep;
    private Rejection pathFailure;
    private Rejection linkFailure;
    private List<ParsedCertificate> deepest = List.of();

    PathBuilder(TrustAnchors anchors, List<ParsedCertificate> intermediates, List<String> unreadable,
                ValidationOptions options, ServerIdentity expected, KeyPurpose purpose) {
        this.anchors = anchors;
        this.intermediates = intermediates;
        this.unreadable = unreadable;
        this.options = options;
        this.purpose = purpose;
        this.checker = new PathChecker(options, expected, purpose);
        this.listener = options.listener();
        for (ParsedCertificate intermediate : intermediates) {
            known.add(ByteBuffer.wrap(intermediate.encoded()));
        }
    }

    ValidationResult build(ParsedCertificate leaf) {
        List<ParsedCertificate> path = new ArrayList<>(List.of(leaf));
        if (extend(path)) {
            return ValidationResult.accepted(certificates(path));
        }
        return failure();
    }

    /** Checks a path that is complete as it is, such as a pinned leaf that is itself an anchor. */
    ValidationResult check(List<ParsedCertificate> path) {
        return complete(path) ? ValidationResult.accepted(certificates(path)) : failure();
    }

    private boolean extend(List<ParsedCertificate> path) {
        ParsedCertificate last = path.get(path.size() - 1);
        if (path.size() > deepest.size()) {
            deepest = List.copyOf(path);
        }
        List<Candidate> candidates = candidates(last, path);
        if (candidates.isEmpty() && options.aia() != null && fetch(last)) {
            candidates = candidates(last, path);
        }
        if (candidates.isEmpty() && listener != null) {
            listener.onStep(new ValidationStep.NoIssuerFound(last.x509()));
        }
        for (Candidate candidate : candidates) {
            ParsedCertificate issuer = candidate.certificate();
            Link link = new Link(last, issuer);
            if (++steps > MAX_STEPS || (signatureChecks >= options.maxSignatureChecks() && !signatures.containsKey(link))) {
                exhausted = true;
                return false;
            }
            if (listener != null) {
                listener.onStep(new ValidationStep.IssuerCandidate(last.x509(), issuer.x509(), candidate.source()));
            }
            if (path.size() >= options.maxDepth()) {
                tooDeep = true;
                continue;
            }
            if (!linkHolds(path, candidate, link)) {
                continue;
            }
            path.add(issuer);
            boolean done = candidate.source() == ValidationStep.Source.TRUST_ANCHORS ? complete(path) : extend(path);
            if (done) {
                return true;
            }
            path.remove(path.size() - 1);
            if (exhausted) {
                return false;
            }
        }
        return false;
    }

    /** Whether the candidate is readable and its key verifies the signature of the path's last certificate. */
    private boolean linkHolds(List<ParsedCertificate> path, Candidate candidate, Link link) {
        ParsedCertificate issuer = candidate.certificate();
        if (issuer.problem() != null && candidate.source() != ValidationStep.Source.TRUST_ANCHORS) {
            rememberLinkFailure(FailureCode.MALFORMED_CERTIFICATE, path, issuer, path.size(),
                "intermediate " + issuer.name() + " is malformed: " + issuer.problem());
            return false;
        }
        Signatures.Outcome outcome = signatures.get(link);
        if (outcome == null) {
            signatureChecks++;
            outcome = VerifiedSignatures.verify(link.subject(), issuer.publicKey(), options.algorithms());
            signatures.put(link, outcome);
        }
        if (listener != null) {
            explainSignature(link, outcome);
        }
        if (!outcome.valid()) {
            ParsedCertificate subject = link.subject();
            rememberLinkFailure(outcome.code(), path, issuer, path.size() - 1, Wording.role(path.size() - 1, path.size(), false)
                + " " + subject.name() + " cannot be verified with " + issuer.name() + ": " + outcome.problem());
        }
        return outcome.valid();
    }

    private void explainSignature(Link link, Signatures.Outcome outcome) {
        ParsedCertificate subject = link.subject();
        byte[] tbsHash = SignedDigest.of(subject.tbs(), outcome.digest());
        byte[] signedHash = outcome.algorithm() != null && outcome.algorithm().pkcs1()
            ? SignedDigest.recoverRsa(subject.signature(), link.issuer().publicKey()) : null;
        listener.onStep(new ValidationStep.SignatureChecked(subject.x509(), link.issuer().x509(),
            outcome.algorithmName(subject), outcome.digest(), tbsHash, signedHash, outcome.valid(), outcome.problem()));
    }

    private void rememberLinkFailure(FailureCode code, List<ParsedCertificate> path, ParsedCertificate issuer, int index,
                                     String message) {
        if (linkFailure == null) {
            List<ParsedCertificate> attempted = new ArrayList<>(path);
            attempted.add(issuer);
            linkFailure = new Rejection(code, attempted, index, message);
        }
    }

    /** Runs the checks of RFC 5280 §6.1 on a path that reached a trust anchor. */
    private boolean complete(List<ParsedCertificate> path) {
        List<X509Certificate> certificates = certificates(path);
        if (listener != null) {
            listener.onStep(new ValidationStep.PathFound(certificates));
        }
        PathChecker.Failure failure = checker.check(path);
        if (failure == null) {
            if (listener != null) {
                listener.onStep(new ValidationStep.PathAccepted(certificates));
            }
            return true;
        }
        if (listener != null) {
            listener.onStep(new ValidationStep.PathRejected(certificates, failure.code(), failure.message()));
        }
        if (pathFailure == null) {
            pathFailure = new Rejection(failure.code(), List.copyOf(path), failure.index(), failure.message());
        }
        return false;
    }

    private List<Candidate> candidates(ParsedCertificate subject, List<ParsedCertificate> path) {
        List<Candidate> candidates = new ArrayList<>();
        for (ParsedCertificate anchor : anchors.withSubject(subject.issuerName())) {
            add(candidates, subject, path, anchor, ValidationStep.Source.TRUST_ANCHORS);
        }
        for (ParsedCertificate intermediate : intermediates) {
            add(candidates, subject, path, intermediate, ValidationStep.Source.INTERMEDIATES);
        }
        for (ParsedCertificate download : fetched) {
            add(candidates, subject, path, download, ValidationStep.Source.AIA);
        }
        Instant at = options.time();
        candidates.sort(new Comparator<>() {
            @Override
            public int compare(Candidate a, Candidate b) {
                return Integer.compare(preference(subject, a, at), preference(subject, b, at));
            }
        });
        return candidates;
    }

    private static void add(List<Candidate> candidates, ParsedCertificate subject, List<ParsedCertificate> path,
                            ParsedCertificate issuer, ValidationStep.Source source) {
        if (!issuer.subjectName().equals(subject.issuerName()) || inPath(issuer, path)) {
            return;
        }
        // RFC 4158 §3.5.12: when both key identifiers are present they must agree.
        byte[] authorityKeyId = subject.authorityKeyId();
        byte[] subjectKeyId = issuer.subjectKeyId();
        if (authorityKeyId == null || subjectKeyId == null || Arrays.equals(authorityKeyId, subjectKeyId)) {
            candidates.add(new Candidate(issuer, source));
        }
    }

    /** Lower is tried first: anchors, then the peer's, then downloads; matching key identifier; valid now. */
    private static int preference(ParsedCertificate subject, Candidate candidate, Instant at) {
        int source = switch (candidate.source()) {
            case TRUST_ANCHORS -> 0;
            case INTERMEDIATES -> 1;
            case AIA -> 2;
        };
        ParsedCertificate issuer = candidate.certificate();
        boolean keyIdMatch = subject.authorityKeyId() != null && issuer.subjectKeyId() != null;
        boolean validNow = !at.isBefore(issuer.notBefore()) && !at.isAfter(issuer.notAfter());
        return source * 4 + (keyIdMatch ? 0 : 2) + (validNow ? 0 : 1);
    }

    /** RFC 4158 §2.4.2: no certificate, nor the same subject with the same key, twice in a path. */
    private static boolean inPath(ParsedCertificate candidate, List<ParsedCertificate> path) {
        for (ParsedCertificate member : path) {
            if (member == candidate || Arrays.equals(member.encoded(), candidate.encoded())
                || (member.subjectName().equals(candidate.subjectName())
                    && member.publicKey().equals(candidate.publicKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Downloads the issuers named in the certificate's caIssuers URIs; true when a new certificate came. */
    private boolean fetch(ParsedCertificate subject) {
        boolean added = false;
        for (String uri : subject.caIssuers()) {
            if (fetches >= MAX_FETCHES) {
                break;
            }
            fetches++;
            try {
                List<X509Certificate> downloaded = options.aia().fetch(uri);
                for (X509Certificate certificate : downloaded) {
                    ParsedCertificate parsed = new ParsedCertificate(certificate);
                    if (parsed.problem() == null && known.add(ByteBuffer.wrap(parsed.encoded()))) {
                        fetched.add(parsed);
                        added = true;
                    }
                }
                if (listener != null) {
                    listener.onStep(new ValidationStep.IssuerFetched(subject.x509(), uri, downloaded.size(), null));
                }
            } catch (IOException | RuntimeException e) {
                if (listener != null) {
                    listener.onStep(new ValidationStep.IssuerFetched(subject.x509(), uri, 0, e.getMessage()));
                }
            }
        }
        return added;
    }

    private ValidationResult failure() {
        if (pathFailure != null) {
            return result(pathFailure);
        }
        List<X509Certificate> path = certificates(deepest);
        int last = deepest.size() - 1;
        if (exhausted) {
            return ValidationResult.rejected(FailureCode.WORK_LIMIT_EXCEEDED, path, -1, "gave up building a path after "
                + signatureChecks + " signature checks and " + steps + " candidates: the certificates the " + purpose.peer()
                + " sent link to each other in too many ways");
        }
        if (linkFailure != null) {
            return result(linkFailure);
        }
        if (tooDeep) {
            return ValidationResult.rejected(FailureCode.PATH_TOO_LONG, path, last, "no path from the leaf to a trust anchor"
                + " fits in " + options.maxDepth() + " certificates");
        }
        ParsedCertificate top = deepest.get(last);
        String role = Wording.role(last, deepest.size(), false);
        String message = top.selfIssued() && last > 0
            ? role + " " + top.name() + " is a root that is not among the trust anchors \u2014 the " + purpose.peer()
                + "'s CA is not trusted here"
            : role + " " + top.name() + " was issued by '" + top.issuer().getName() + "', which is neither a trust anchor"
                + " nor among the certificates the " + purpose.peer() + " sent \u2014 the " + purpose.peer()
                + " may be missing an intermediate, or its CA is not trusted here";
        if (!unreadable.isEmpty()) {
            message += " (" + unreadable.size() + " certificate(s) sent could not be read: " + unreadable + ")";
        }
        return ValidationResult.rejected(FailureCode.UNKNOWN_ISSUER, path, last, message);
    }

    private static ValidationResult result(Rejection rejection) {
        return ValidationResult.rejected(rejection.code(), certificates(rejection.path()), rejection.index(),
            rejection.message());
    }

    static List<X509Certificate> certificates(List<ParsedCertificate> path) {
        List<X509Certificate> out = new ArrayList<>(path.size());
        for (ParsedCertificate certificate : path) {
            out.add(certificate.x509());
        }
        return out;
    }
}
