package dev.handshake.pki;

import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;

/** Whether a certificate's public key is strong enough under the options' minimum sizes. */
final class KeyStrength {

    private KeyStrength() {
    }

    /** Why the key is too weak or of an unsupported kind, or null when it is acceptable. */
    static String problem(PublicKey key, int minimumRsaBits, int minimumEcBits) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits < minimumRsaBits
                ? "has a " + bits + "-bit RSA key; at least " + minimumRsaBits + " bits are required" : null;
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits < minimumEcBits
                ? "has a " + bits + "-bit EC key; at least " + minimumEcBits + " bits are required" : null;
        }
        if (key instanceof EdECKey) {
            return null;
        }
        return "has a " + key.getAlgorithm() + " key, which this validator does not accept";
    }

    /** A short description such as "RSA 2048-bit" for explanations. */
    static String describe(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit";
        }
        if (key instanceof ECKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit";
        }
        return key.getAlgorithm();
    }
}
