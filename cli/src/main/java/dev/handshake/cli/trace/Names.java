package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** How the explanations name suites, versions, keys and certificates. */
public final class Names {

    private Names() {
    }

    /** A suite read as key exchange + signature + cipher + hash; TLS 1.3 suites name cipher and hash only. */
    public static String anatomy(CipherSuite suite) {
        if (!suite.isSupported()) {
            return "not implemented by Handshake";
        }
        if (suite.isTls13()) {
            return "cipher " + suite.aead() + " + hash " + suite.hash() + " (TLS 1.3: key exchange and signature are negotiated apart)";
        }
        String authentication = suite.keyExchange() == CipherSuite.KeyExchange.RSA
            ? "no signature (the server proves its RSA key by decrypting)"
            : "signature " + suite.authentication();
        return "key exchange " + suite.keyExchange() + " + " + authentication
            + " + cipher " + suite.aead() + " + hash " + suite.hash();
    }

    /** {@code TLS 1.2 (0x0303)}. */
    public static String version(ProtocolVersion version) {
        return version.name() + String.format(" (0x%04x)", version.code());
    }

    /** {@code RSA 2048-bit}, {@code EC secp256r1}. */
    public static String key(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit";
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "EC " + (bits == 256 ? "P-256" : bits == 384 ? "P-384" : bits == 521 ? "P-521" : bits + "-bit");
        }
        return key.getAlgorithm();
    }

    /** A certificate by its subject's common name or whole subject. */
    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    public static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }
}
