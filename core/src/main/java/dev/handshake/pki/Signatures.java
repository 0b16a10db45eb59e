package dev.handshake.pki;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Set;

/**
 * Checks a certificate's signature with its issuer's public key through JCA: RSA PKCS#1 v1.5
 * (RFC 8017 §8.2), RSASSA-PSS (RFC 4055 §3), ECDSA (RFC 5758 §3.2) and EdDSA (RFC 8410 §6).
 */
final class Signatures {

    private static final byte[] DER_NULL = {DerReader.NULL, 0};
    private static final Set<String> PSS_DIGESTS = Set.of("SHA-256", "SHA-384", "SHA-512");

    /**
     * What a check found.
     *
     * @param algorithm the algorithm, null when the OID is unknown
     * @param digest the JCA name of the hash over tbsCertificate, null for EdDSA
     * @param valid whether the signature verifies
     * @param code the failure when not valid: DISALLOWED_ALGORITHM, MALFORMED_CERTIFICATE or BAD_SIGNATURE
     * @param problem why not, as a sentence fragment
     */
    record Outcome(SignatureAlgorithm algorithm, String digest, boolean valid, FailureCode code, String problem) {

        /** The algorithm's RFC name, or the OID when unknown. */
        String algorithmName(ParsedCertificate subject) {
            return algorithm != null ? algorithm.rfcName() : subject.signatureOid();
        }
    }

    private Signatures() {
    }

    static Outcome verify(ParsedCertificate subject, PublicKey issuerKey, Set<SignatureAlgorithm> allowed) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.forOid(subject.signatureOid());
        if (algorithm == null) {
            return new Outcome(null, null, false, FailureCode.DISALLOWED_ALGORITHM,
                "its signature algorithm " + subject.signatureOid() + " is not one this validator knows");
        }
        if (!allowed.contains(algorithm)) {
            return new Outcome(algorithm, algorithm.digest(), false, FailureCode.DISALLOWED_ALGORITHM,
                "it is signed with " + algorithm.rfcName() + ", which is not allowed");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            String digest = configure(verifier, algorithm, subject.signatureParameters());
            verifier.initVerify(issuerKey);
            verifier.update(subject.tbs());
            boolean valid = verifier.verify(subject.signature());
            return new Outcome(algorithm, digest, valid, valid ? null : FailureCode.BAD_SIGNATURE,
                valid ? null : "its signature does not verify with the issuer's key");
        } catch (InvalidKeyException e) {
            return new Outcome(algorithm, algorithm.digest(), false, FailureCode.BAD_SIGNATURE,
                "the issuer's " + issuerKey.getAlgorithm() + " key cannot verify a " + algorithm.rfcName() + " signature");
        } catch (IOException e) {
            return new Outcome(algorithm, algorithm.digest(), false, FailureCode.MALFORMED_CERTIFICATE, e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Outcome(algorithm, algorithm.digest(), false, FailureCode.BAD_SIGNATURE,
                "its signature is malformed (" + e.getMessage() + ")");
        }
    }

    /** Checks the parameters the RFCs prescribe and hands PSS its; returns the hash over tbsCertificate. */
    private static String configure(Signature verifier, SignatureAlgorithm algorithm, byte[] parameters)
        throws IOException, GeneralSecurityException {
        switch (algorithm) {
            case RSASSA_PSS -> {
                if (parameters == null) {
                    throw new IOException("an RSASSA-PSS signature without parameters (RFC 4055 §3.1)");
                }
                AlgorithmParameters decoded = AlgorithmParameters.getInstance("RSASSA-PSS");
                decoded.init(parameters);
                PSSParameterSpec spec = decoded.getParameterSpec(PSSParameterSpec.class);
                if (!PSS_DIGESTS.contains(spec.getDigestAlgorithm())) {
                    throw new IOException("an RSASSA-PSS signature over " + spec.getDigestAlgorithm()
                        + "; SHA-256 or stronger is required");
                }
                verifier.setParameter(spec);
                return spec.getDigestAlgorithm();
            }
            case MD5_WITH_RSA, SHA1_WITH_RSA, SHA256_WITH_RSA, SHA384_WITH_RSA, SHA512_WITH_RSA -> {
                // RFC 4055 §5 / RFC 3279 §2.2.1: the parameters are NULL; absence is tolerated.
                if (parameters != null && !Arrays.equals(parameters, DER_NULL)) {
                    throw new IOException("an RSA signature algorithm with parameters other than NULL");
                }
                return algorithm.digest();
            }
            default -> {
                // RFC 5758 §3.2 and RFC 8410 §3: the parameters are absent.
                if (parameters != null) {
                    throw new IOException(algorithm.rfcName() + " with parameters, which must be absent");
                }
                return algorithm.digest();
            }
        }
    }
}
