package dev.handshake.pki;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The settings of a {@link PathValidator}, made by its builder.
 *
 * @param time the validation time; null makes every validation fail with INVALID_INPUT
 * @param maxDepth the most certificates a path may hold, leaf and trust anchor included
 * @param maxIntermediates the most intermediates a caller may pass
 * @param maxSignatureChecks the most signature verifications one validation may do
 * @param algorithms the signature algorithms accepted on certificates
 * @param minimumRsaBits the smallest RSA modulus accepted
 * @param minimumEcBits the smallest EC field accepted
 * @param aia the fetcher of missing issuers, or null when fetching is off
 * @param requiredExtendedKeyUsage the key purposes the leaf must list, or null for the purpose's own
 * @param requiredClientNames names a CLIENT_AUTH leaf must carry in subjectAltName
 * @param leafKeyUsage the keyUsage bits the leaf must assert when it has keyUsage
 * @param listener who receives the steps, or null
 */
record ValidationOptions(Instant time, int maxDepth, int maxIntermediates, int maxSignatureChecks,
                         Set<SignatureAlgorithm> algorithms, int minimumRsaBits, int minimumEcBits, AiaFetcher aia,
                         Set<String> requiredExtendedKeyUsage, List<GeneralName> requiredClientNames,
                         Set<KeyUsage> leafKeyUsage, ValidationListener listener) {

    /** The key purposes the leaf must list for this purpose. */
    Set<String> extendedKeyUsageFor(KeyPurpose purpose) {
        return requiredExtendedKeyUsage != null ? requiredExtendedKeyUsage : Set.of(purpose.oid());
    }
}
