package dev.handshake.tls.kx;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;

/**
 * Finite-field Diffie-Hellman: our private exponent a, public value A = g^a mod p, shared
 * secret Z = B^a mod p. In TLS 1.2 leading zero bytes of Z are stripped (RFC 5246 §8.1.2); in
 * TLS 1.3 public values and Z are padded to the length of p (RFC 8446 §4.2.8.1, §7.4.1).
 */
final class FfdheKeyShare implements KeyShare {

    private final DhGroup group;
    private final boolean tls13;
    private final CryptoProvider crypto;
    private final KeyPair keyPair;

    FfdheKeyShare(DhGroup group, boolean tls13, CryptoProvider crypto, SecureRandom random) throws TlsException {
        this.group = group;
        this.tls13 = tls13;
        this.crypto = crypto;
        try {
            KeyPairGenerator generator = crypto.keyPairGenerator("DH");
            // RFC 7919 §5.2: with a safe prime, a private exponent of twice the security level suffices.
            generator.initialize(new DHParameterSpec(group.p(), group.g(), exponentBits(group.bits())), random);
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot generate a " + group.name() + " key: " + e.getMessage(), e);
        }
    }

    private static int exponentBits(int primeBits) {
        if (primeBits <= 2048) {
            return 256;
        }
        return primeBits <= 3072 ? 320 : 512;
    }

    @Override
    public byte[] publicValue() {
        BigInteger y = ((DHPublicKey) keyPair.getPublic()).getY();
        return tls13 ? padded(y) : unsigned(y);
    }

    @Override
    public byte[] agree(byte[] peer) throws TlsException {
        if (peer.length > group.byteLength() || (tls13 && peer.length != group.byteLength())) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the peer's " + group.name()
                + " public value is " + peer.length + " bytes, for a " + group.byteLength() + "-byte prime");
        }
        BigInteger y = new BigInteger(1, peer);
        // RFC 7919 §5.1, NIST SP 800-56A: the peer's value must lie in [2, p-2].
        if (y.compareTo(BigInteger.TWO) < 0 || y.compareTo(group.p().subtract(BigInteger.TWO)) > 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's " + group.name() + " public value is outside [2, p-2]");
        }
        byte[] secret;
        try {
            PublicKey peerKey = crypto.keyFactory("DH").generatePublic(new DHPublicKeySpec(y, group.p(), group.g()));
            KeyAgreement agreement = crypto.keyAgreement("DH");
            agreement.init(keyPair.getPrivate());
            agreement.doPhase(peerKey, true);
            secret = agreement.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's " + group.name() + " public value is unusable (" + e.getMessage() + ")");
        }
        BigInteger z = new BigInteger(1, secret);
        return tls13 ? padded(z) : unsigned(z);
    }

    private byte[] padded(BigInteger value) {
        byte[] bytes = unsigned(value);
        byte[] out = new byte[group.byteLength()];
        System.arraycopy(bytes, 0, out, out.length - bytes.length, bytes.length);
        return out;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public String derivation() {
        return (tls13 ? "Z = B^a mod p, padded to the length of p (RFC 8446 §7.4.1)" : "Z = B^a mod p, with leading zero bytes removed (RFC 5246 §8.1.2)") + " in " + group.name();
    }

    @Override
    public String groupName() {
        return group.name();
    }

    /** A share in the group a TLS 1.2 server chose with explicit parameters. */
    static KeyShare forServerParameters(DhGroup group, CryptoProvider crypto, SecureRandom random) throws TlsException {
        return new FfdheKeyShare(group, false, crypto, random);
    }
}
