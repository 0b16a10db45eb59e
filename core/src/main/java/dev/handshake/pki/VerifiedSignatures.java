package dev.handshake.pki;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Signatures already found valid: the exact bytes of a certificate and of the key that verified it.
 * A server presents the same chain to every client, so a client that connects again would otherwise
 * repeat the same public-key operations (the JDK keeps the same kind of memory on its certificate
 * objects). Bounded; only successes are kept, so nothing here can make a bad signature pass.
 */
final class VerifiedSignatures {

    private static final int CAPACITY = 512;

    /** A certificate's DER and its issuer's SubjectPublicKeyInfo, compared byte for byte. */
    private record Key(byte[] certificate, byte[] issuerKey, int hash) {

        static Key of(byte[] certificate, byte[] issuerKey) {
            return new Key(certificate, issuerKey, 31 * Arrays.hashCode(certificate) + Arrays.hashCode(issuerKey));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(certificate, key.certificate)
                && Arrays.equals(issuerKey, key.issuerKey);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final Map<Key, Signatures.Outcome> VALID = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Signatures.Outcome> eldest) {
            return size() > CAPACITY;
        }
    };

    private VerifiedSignatures() {
    }

    /** The outcome of checking the subject's signature with the issuer's key, from memory when it was valid before. */
    static Signatures.Outcome verify(ParsedCertificate subject, PublicKey issuerKey, Set<SignatureAlgorithm> allowed) {
        byte[] encodedKey = issuerKey.getEncoded();
        Key key = encodedKey == null ? null : Key.of(subject.encoded(), encodedKey);
        if (key != null) {
            Signatures.Outcome known;
            synchronized (VALID) {
                known = VALID.get(key);
            }
            if (known != null && allowed.contains(known.algorithm())) {
                return known;
            }
        }
        Signatures.Outcome outcome = Signatures.verify(subject, issuerKey, allowed);
        if (outcome.valid() && key != null) {
            synchronized (VALID) {
                VALID.put(key, outcome);
            }
        }
        return outcome;
    }
}
