package dev.handshake.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate chain (own certificate first, then the intermediates, usually without the root)
 * and the private key of the first certificate.
 */
public record Credential(List<X509Certificate> chain, PrivateKey privateKey) {

    public Credential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least its own certificate");
        }
        String keyAlgorithm = privateKey.getAlgorithm();
        String certAlgorithm = chain.get(0).getPublicKey().getAlgorithm();
        if (!keyAlgorithm.equals(certAlgorithm)) {
            throw new IllegalArgumentException("the private key is " + keyAlgorithm
                + " but the certificate '" + chain.get(0).getSubjectX500Principal().getName()
                + "' holds a " + certAlgorithm + " key");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** "RSA", "EC", "Ed25519", ... as JCA names the key. */
    public String keyAlgorithm() {
        return privateKey.getAlgorithm();
    }
}
