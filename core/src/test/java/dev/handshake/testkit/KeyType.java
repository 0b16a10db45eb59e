package dev.handshake.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * The key types of test certificates, each with the signature algorithm its holder signs with.
 * {@link #RSA_PSS} (an RSASSA-PSS key, for TLS 1.3's rsa_pss_pss schemes) is for leaves only.
 */
public enum KeyType {
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    ECDSA_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
    ECDSA_P384("EC", new ECGenParameterSpec("secp384r1"), "SHA384withECDSA"),
    ED25519("Ed25519", NamedParameterSpec.ED25519, "Ed25519"),
    RSA_PSS("RSASSA-PSS", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), null);

    private final String jcaAlgorithm;
    private final AlgorithmParameterSpec parameters;
    private final String signatureAlgorithm;

    KeyType(String jcaAlgorithm, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
        this.jcaAlgorithm = jcaAlgorithm;
        this.parameters = parameters;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA signature algorithm a certificate authority with this key type signs with. */
    public String signatureAlgorithm() {
        if (signatureAlgorithm == null) {
            throw new IllegalStateException(this + " keys are for leaf certificates only");
        }
        return signatureAlgorithm;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaAlgorithm);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + this + " key", e);
        }
    }
}
