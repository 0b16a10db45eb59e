package dev.handshake.tls.crypto;

/** The hash a cipher suite uses for its PRF (TLS 1.2) or key schedule (TLS 1.3), and for the transcript. */
public enum HashAlgorithm {
    SHA256("SHA-256", "HmacSHA256", 32),
    SHA384("SHA-384", "HmacSHA384", 48);

    private final String jcaName;
    private final String hmacName;
    private final int length;

    HashAlgorithm(String jcaName, String hmacName, int length) {
        this.jcaName = jcaName;
        this.hmacName = hmacName;
        this.length = length;
    }

    /** The JCA MessageDigest name. */
    public String jcaName() {
        return jcaName;
    }

    /** The JCA Mac name of HMAC over this hash. */
    public String hmacName() {
        return hmacName;
    }

    /** The output length in bytes. */
    public int length() {
        return length;
    }
}
