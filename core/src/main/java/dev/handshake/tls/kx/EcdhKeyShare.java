package dev.handshake.tls.kx;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import javax.crypto.KeyAgreement;

/**
 * ECDH over secp256r1 or secp384r1 with uncompressed points (RFC 8422 §5.4, X9.62). The peer's
 * point is checked to lie on the curve before it is used (invalid-curve attacks).
 */
final class EcdhKeyShare implements KeyShare {

    private final NamedGroup group;
    private final CryptoProvider crypto;
    private final KeyPair keyPair;
    private final ECParameterSpec params;
    private final int coordinateLength;

    EcdhKeyShare(NamedGroup group, CryptoProvider crypto, SecureRandom random) throws TlsException {
        this.group = group;
        this.crypto = crypto;
        try {
            KeyPairGenerator generator = crypto.keyPairGenerator("EC");
            generator.initialize(new ECGenParameterSpec(group.name()), random);
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot generate a " + group + " key: " + e.getMessage(), e);
        }
        this.params = ((ECPublicKey) keyPair.getPublic()).getParams();
        this.coordinateLength = (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    @Override
    public byte[] publicValue() {
        ECPoint w = ((ECPublicKey) keyPair.getPublic()).getW();
        byte[] out = new byte[1 + 2 * coordinateLength];
        out[0] = 4;
        putFixed(w.getAffineX(), out, 1);
        putFixed(w.getAffineY(), out, 1 + coordinateLength);
        return out;
    }

    @Override
    public byte[] agree(byte[] peer) throws TlsException {
        ECPoint point = decodePoint(peer);
        try {
            PublicKey peerKey = crypto.keyFactory("EC").generatePublic(new ECPublicKeySpec(point, params));
            KeyAgreement agreement = crypto.keyAgreement("ECDH");
            agreement.init(keyPair.getPrivate());
            agreement.doPhase(peerKey, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's " + group + " public key is unusable (" + e.getMessage() + ")");
        }
    }

    /** X9.62 uncompressed point 04 || X || Y, on the curve, coordinates in [0, p-1]. */
    private ECPoint decodePoint(byte[] encoded) throws TlsException {
        if (encoded.length == 0 || encoded[0] != 4) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the peer's " + group
                + " point is not in uncompressed form (RFC 8422 §5.1.2 allows only uncompressed points)");
        }
        if (encoded.length != 1 + 2 * coordinateLength) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the peer's " + group + " point is "
                + encoded.length + " bytes, not " + (1 + 2 * coordinateLength));
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1, 1 + coordinateLength));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1 + coordinateLength, encoded.length));
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's " + group + " point has a coordinate outside the field");
        }
        // y^2 = x^3 + a*x + b (mod p)
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's " + group + " point is not on the curve (an invalid-curve attack, or a broken peer)");
        }
        return new ECPoint(x, y);
    }

    private void putFixed(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int copy = Math.min(bytes.length, coordinateLength);
        System.arraycopy(bytes, bytes.length - copy, out, at + coordinateLength - copy, copy);
    }

    @Override
    public String derivation() {
        return "ECDH on " + group + ": the x-coordinate of own private key × peer's public point (RFC 8422 §5.10)";
    }

    @Override
    public String groupName() {
        return group.name();
    }
}
