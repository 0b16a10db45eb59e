package dev.handshake.pki;

import java.util.EnumSet;
import java.util.Set;

/**
 * The certificate signature algorithms this validator can check, named as in RFC 3279,
 * RFC 4055, RFC 5758 and RFC 8410.
 */
public enum SignatureAlgorithm {
    MD5_WITH_RSA("1.2.840.113549.1.1.4", "md5WithRSAEncryption", "MD5withRSA", "MD5"),
    SHA1_WITH_RSA("1.2.840.113549.1.1.5", "sha1WithRSAEncryption", "SHA1withRSA", "SHA-1"),
    SHA256_WITH_RSA("1.2.840.113549.1.1.11", "sha256WithRSAEncryption", "SHA256withRSA", "SHA-256"),
    SHA384_WITH_RSA("1.2.840.113549.1.1.12", "sha384WithRSAEncryption", "SHA384withRSA", "SHA-384"),
    SHA512_WITH_RSA("1.2.840.113549.1.1.13", "sha512WithRSAEncryption", "SHA512withRSA", "SHA-512"),
    /** RFC 4055 §3.1; the hash comes from the parameters and must be SHA-256 or stronger. */
    RSASSA_PSS("1.2.840.113549.1.1.10", "id-RSASSA-PSS", "RSASSA-PSS", null),
    ECDSA_WITH_SHA1("1.2.840.10045.4.1", "ecdsa-with-SHA1", "SHA1withECDSA", "SHA-1"),
    ECDSA_WITH_SHA256("1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "SHA256withECDSA", "SHA-256"),
    ECDSA_WITH_SHA384("1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "SHA384withECDSA", "SHA-384"),
    ECDSA_WITH_SHA512("1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "SHA512withECDSA", "SHA-512"),
    ED25519("1.3.101.112", "Ed25519", "Ed25519", null),
    ED448("1.3.101.113", "Ed448", "Ed448", null);

    private final String oid;
    private final String rfcName;
    private final String jcaName;
    private final String digest;

    SignatureAlgorithm(String oid, String rfcName, String jcaName, String digest) {
        this.oid = oid;
        this.rfcName = rfcName;
        this.jcaName = jcaName;
        this.digest = digest;
    }

    public String oid() {
        return oid;
    }

    /** The name the RFCs use, e.g. {@code sha256WithRSAEncryption}. */
    public String rfcName() {
        return rfcName;
    }

    String jcaName() {
        return jcaName;
    }

    /** The JCA name of the hash applied to the signed bytes, or null when the parameters (PSS) or the scheme (EdDSA) decide. */
    String digest() {
        return digest;
    }

    /** RSA PKCS#1 v1.5 (RFC 8017 §8.2), whose signature carries a DigestInfo that the public key recovers. */
    boolean pkcs1() {
        return jcaName.endsWith("withRSA");
    }

    /** The algorithm with this OBJECT IDENTIFIER, or null. */
    static SignatureAlgorithm forOid(String oid) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.oid.equals(oid)) {
                return algorithm;
            }
        }
        return null;
    }

    /** Everything but MD5 and SHA-1, which are broken for signatures (RFC 6151, RFC 9155). */
    public static Set<SignatureAlgorithm> secureDefaults() {
        return EnumSet.complementOf(EnumSet.of(MD5_WITH_RSA, SHA1_WITH_RSA, ECDSA_WITH_SHA1));
    }
}
