package dev.handshake.pki;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates certificate chains: builds a path from the leaf to one of its trust anchors from
 * the intermediates it is given (in any order, with extras), checks it as RFC 5280 §6.1 asks,
 * and checks the leaf's name against the expected server (RFC 9525). Immutable and thread-safe;
 * it never reads the clock (the validation time is an option) and never throws from
 * {@code validate}: a rejection is a {@link ValidationResult}.
 *
 * <pre>{@code
 * PathValidator validator = PathValidator.builder(TrustAnchors.system())
 *     .validationTime(clock.instant())
 *     .build();
 * ValidationResult result = validator.validate(leaf, intermediates, ServerIdentity.of("example.com"),
 *     KeyPurpose.SERVER_AUTH);
 * }</pre>
 */
public final class PathValidator {

    private final TrustAnchors anchors;
    private final ValidationOptions options;

    private PathValidator(TrustAnchors anchors, ValidationOptions options) {
        this.anchors = anchors;
        this.options = options;
    }

    public static Builder builder(TrustAnchors anchors) {
        return new Builder(anchors);
    }

    /** A builder holding this validator's anchors and options, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(anchors, options);
    }

    public TrustAnchors trustAnchors() {
        return anchors;
    }

    /** The validation time, or null when none was set. */
    public Instant validationTime() {
        return options.time();
    }

    /**
     * Validates a leaf certificate for a purpose.
     *
     * @param leaf the peer's own certificate
     * @param intermediates the other certificates the peer sent, in any order; may be empty or null
     * @param expected the DNS name or IP address the client meant to reach, or null to skip that check
     * @param purpose SERVER_AUTH or CLIENT_AUTH
     */
    public ValidationResult validate(X509Certificate leaf, List<X509Certificate> intermediates, ServerIdentity expected,
                                     KeyPurpose purpose) {
        try {
            if (leaf != null && intermediates != null && intermediates.size() > options.maxIntermediates()) {
                return tooMany(leaf, intermediates.size());
            }
            return validateParsed(leaf == null ? null : new ParsedCertificate(leaf), parseAll(intermediates),
                new ArrayList<>(), expected, purpose);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /** Validates a chain as a TLS peer sends it: its own certificate first, then the others. */
    public ValidationResult validate(List<X509Certificate> chain, ServerIdentity expected, KeyPurpose purpose) {
        if (chain == null || chain.isEmpty()) {
            return invalidInput("no certificate was given");
        }
        return validate(chain.get(0), chain.subList(1, chain.size()), expected, purpose);
    }

    /** Validates DER-encoded certificates; bytes that are not a certificate make a failure, not an exception. */
    public ValidationResult validate(byte[] leaf, List<byte[]> intermediates, ServerIdentity expected,
                                     KeyPurpose purpose) {
        try {
            List<String> unreadable = new ArrayList<>();
            X509Certificate leafCertificate = decode(leaf, "the leaf", unreadable);
            if (leafCertificate == null) {
                return ValidationResult.rejected(FailureCode.MALFORMED_CERTIFICATE, List.of(), -1, unreadable.get(0));
            }
            List<X509Certificate> others = new ArrayList<>();
            List<byte[]> given = intermediates == null ? List.of() : intermediates;
            if (given.size() > options.maxIntermediates()) {
                return tooMany(leafCertificate, given.size());
            }
            for (int i = 0; i < given.size(); i++) {
                X509Certificate certificate = decode(given.get(i), "intermediate #" + (i + 1), unreadable);
                if (certificate != null) {
                    others.add(certificate);
                }
            }
            return validateParsed(new ParsedCertificate(leafCertificate), parseAll(others), unreadable, expected, purpose);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /** The last line of "never throws": a bug below becomes a failure that says so. */
    /** What a validation that failed on something unforeseen returns: a rejection, never an exception. */
    private static ValidationResult unexpected(RuntimeException e) {
        return ValidationResult.rejected(FailureCode.MALFORMED_CERTIFICATE, List.of(), -1,
            "the certificates could not be validated: " + e);
    }

    private ValidationResult validateParsed(ParsedCertificate leaf, List<ParsedCertificate> intermediates,
                                            List<String> unreadable, ServerIdentity expected, KeyPurpose purpose) {
        if (leaf == null) {
            return invalidInput("no leaf certificate was given");
        }
        if (purpose == null) {
            return invalidInput("no key purpose was given (SERVER_AUTH or CLIENT_AUTH)");
        }
        if (options.time() == null) {
            return invalidInput("the validator has no validation time; set one with validationTime(...)");
        }
        List<X509Certificate> justLeaf = List.of(leaf.x509());
        String problem = CertificateProfile.problem(leaf);
        if (problem != null) {
            return ValidationResult.rejected(FailureCode.MALFORMED_CERTIFICATE, justLeaf, 0,
                "leaf " + leaf.name() + " is malformed: " + problem);
        }
        ParsedCertificate pinned = anchors.exactly(leaf.encoded());
        List<ParsedCertificate> others = distinct(leaf, intermediates);
        PathBuilder builder = new PathBuilder(anchors, others, unreadable, options, expected, purpose);
        if (pinned != null) {
            return builder.check(List.of(pinned));
        }
        if (leaf.selfIssued() && Signatures.verify(leaf, leaf.publicKey(), options.algorithms()).valid()) {
            return ValidationResult.rejected(FailureCode.SELF_SIGNED, justLeaf, 0, "leaf " + leaf.name()
                + " is self-signed and is not one of the trust anchors \u2014 to trust it, pin it by adding it to them");
        }
        return builder.build(leaf);
    }

    private static List<ParsedCertificate> parseAll(List<X509Certificate> certificates) {
        List<ParsedCertificate> parsed = new ArrayList<>();
        if (certificates != null) {
            for (X509Certificate certificate : certificates) {
                if (certificate != null) {
                    parsed.add(new ParsedCertificate(certificate));
                }
            }
        }
        return parsed;
    }

    /** The intermediates without repeats and without the leaf itself. */
    private static List<ParsedCertificate> distinct(ParsedCertificate leaf, List<ParsedCertificate> intermediates) {
        Set<ByteBuffer> seen = new HashSet<>();
        seen.add(ByteBuffer.wrap(leaf.encoded()));
        List<ParsedCertificate> out = new ArrayList<>();
        for (ParsedCertificate intermediate : intermediates) {
            if (seen.add(ByteBuffer.wrap(intermediate.encoded()))) {
                out.add(intermediate);
            }
        }
        return out;
    }

    private static X509Certificate decode(byte[] der, String what, List<String> unreadable) {
        if (der == null || der.length > ParsedCertificate.MAX_ENCODED_LENGTH) {
            unreadable.add(what + (der == null ? " is missing" : " is " + der.length + " bytes, more than the "
                + ParsedCertificate.MAX_ENCODED_LENGTH + " accepted"));
            return null;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            unreadable.add(what + " is not a DER X.509 certificate: " + e.getMessage());
            return null;
        }
    }

    private ValidationResult tooMany(X509Certificate leaf, int count) {
        return ValidationResult.rejected(FailureCode.TOO_MANY_INTERMEDIATES, List.of(leaf), -1, count
            + " intermediate certificates were sent; at most " + options.maxIntermediates() + " are accepted");
    }

    private static ValidationResult invalidInput(String message) {
        return ValidationResult.rejected(FailureCode.INVALID_INPUT, List.of(), -1, message);
    }

    /** Options with secure defaults; only the validation time has none and must be set. */
    public static final class Builder {

        private final TrustAnchors anchors;
        private Instant time;
        private int maxDepth = 10;
        private int maxIntermediates = 20;
        private int maxSignatureChecks = 64;
        private Set<SignatureAlgorithm> algorithms = SignatureAlgorithm.secureDefaults();
        private int minimumRsaBits = 2048;
        private int minimumEcBits = 256;
        private AiaFetcher aia;
        private Set<String> requiredExtendedKeyUsage;
        private List<GeneralName> requiredClientNames = List.of();
        private Set<KeyUsage> leafKeyUsage = EnumSet.noneOf(KeyUsage.class);
        private ValidationListener listener;

        private Builder(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
        }

        private Builder(TrustAnchors anchors, ValidationOptions options) {
            this(anchors);
            time = options.time();
            maxDepth = options.maxDepth();
            maxIntermediates = options.maxIntermediates();
            maxSignatureChecks = options.maxSignatureChecks();
            algorithms = options.algorithms();
            minimumRsaBits = options.minimumRsaBits();
            minimumEcBits = options.minimumEcBits();
            aia = options.aia();
            requiredExtendedKeyUsage = options.requiredExtendedKeyUsage();
            requiredClientNames = options.requiredClientNames();
            leafKeyUsage = options.leafKeyUsage();
            listener = options.listener();
        }

        /** The time at which every certificate must be valid (RFC 5280 §6.1.1 (b)). */
        public Builder validationTime(Instant time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** The most certificates in a path, leaf and trust anchor included (default 10). */
        public Builder maxDepth(int certificates) {
            this.maxDepth = within(certificates, 1, 64, "maxDepth");
            return this;
        }

        /** The most intermediates a caller may pass; more make the validation fail (default 20). */
        public Builder maxIntermediates(int count) {
            this.maxIntermediates = within(count, 0, 1000, "maxIntermediates");
            return this;
        }

        /** The most signature verifications one validation may spend on path building (default 64). */
        public Builder maxSignatureChecks(int count) {
            this.maxSignatureChecks = within(count, 1, 10_000, "maxSignatureChecks");
            return this;
        }

        /** The signature algorithms accepted (default: all but MD5 and SHA-1). */
        public Builder allowedSignatureAlgorithms(Set<SignatureAlgorithm> algorithms) {
            this.algorithms = Set.copyOf(algorithms);
            return this;
        }

        /** The smallest RSA modulus accepted, in bits (default 2048). */
        public Builder minimumRsaKeyBits(int bits) {
            this.minimumRsaBits = within(bits, 512, 16_384, "minimumRsaKeyBits");
            return this;
        }

        /** The smallest elliptic-curve field accepted, in bits (default 256). */
        public Builder minimumEcKeyBits(int bits) {
            this.minimumEcBits = within(bits, 160, 571, "minimumEcKeyBits");
            return this;
        }

        /** Downloads missing issuers from caIssuers URIs with default limits (default off). */
        public Builder aiaFetching(boolean on) {
            this.aia = on ? (aia != null ? aia : AiaFetcher.withDefaults()) : null;
            return this;
        }

        /** Downloads missing issuers with this fetcher and its limits and cache. */
        public Builder aiaFetcher(AiaFetcher fetcher) {
            this.aia = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** The key purpose OIDs the leaf must list; null (the default) asks for the purpose's own. */
        public Builder requiredExtendedKeyUsage(Set<String> oids) {
            this.requiredExtendedKeyUsage = oids == null ? null : Set.copyOf(oids);
            return this;
        }

        /** Names a CLIENT_AUTH leaf must carry in its subjectAltName (default none). */
        public Builder requiredClientNames(List<GeneralName> names) {
            this.requiredClientNames = List.copyOf(names);
            return this;
        }

        /**
         * The keyUsage bits the leaf must assert when it has a keyUsage extension: keyEncipherment
         * for the RSA key exchange, digitalSignature for (EC)DHE and TLS 1.3 (default none).
         */
        public Builder leafKeyUsage(Set<KeyUsage> usages) {
            this.leafKeyUsage = usages.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(usages);
            return this;
        }

        /** Receives every step of each validation (default none, at no cost). */
        public Builder listener(ValidationListener listener) {
            this.listener = listener;
            return this;
        }

        public PathValidator build() {
            return new PathValidator(anchors, new ValidationOptions(time, maxDepth, maxIntermediates, maxSignatureChecks,
                algorithms, minimumRsaBits, minimumEcBits, aia, requiredExtendedKeyUsage, requiredClientNames,
                leafKeyUsage, listener));
        }

        private static int within(int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + value);
            }
            return value;
        }
    }
}
