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
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 (RFC 7748): 32-byte little-endian u-coordinates (RFC 8422 §5.11, RFC 8446 §4.2.8.2). */
final class XdhKeyShare implements KeyShare {

    private static final int LENGTH = 32;

    private final CryptoProvider crypto;
    private final KeyPair keyPair;

    XdhKeyShare(CryptoProvider crypto, SecureRandom random) throws TlsException {
        this.crypto = crypto;
        try {
            KeyPairGenerator generator = crypto.keyPairGenerator("X25519");
            generator.initialize(NamedParameterSpec.X25519, random);
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "cannot generate an X25519 key: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] publicValue() {
        BigInteger u = ((XECPublicKey) keyPair.getPublic()).getU();
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    @Override
    public byte[] agree(byte[] peer) throws TlsException {
        if (peer.length != LENGTH) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's X25519 public key is " + peer.length + " bytes, not 32");
        }
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = peer[LENGTH - 1 - i];
        }
        // RFC 7748 §5: the most significant bit of the final byte is ignored.
        bigEndian[0] &= 0x7F;
        byte[] secret;
        try {
            PublicKey peerKey = crypto.keyFactory("XDH")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
            KeyAgreement agreement = crypto.keyAgreement("XDH");
            agreement.init(keyPair.getPrivate());
            agreement.doPhase(peerKey, true);
            secret = agreement.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's X25519 public key is unusable (" + e.getMessage() + ")");
        }
        // RFC 7748 §6.1, RFC 8422 §5.11: an all-zero shared secret means a low-order point.
        int accumulated = 0;
        for (byte b : secret) {
            accumulated |= b;
        }
        if (accumulated == 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the peer's X25519 public key is a low-order point: the shared secret is all zeros");
        }
        return secret;
    }

    @Override
    public String derivation() {
        return "X25519(own private key, peer's public key): the x-coordinate of the product, 32 bytes (RFC 7748)";
    }

    @Override
    public String groupName() {
        return "x25519";
    }
}
