package dev.handshake.tls.kx;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;

import java.security.SecureRandom;

/**
 * One side of an ephemeral Diffie-Hellman exchange: a fresh key pair whose public half goes on
 * the wire, and the agreement with the peer's public half. Used once, then dropped.
 */
public interface KeyShare {

    /** Our public value, encoded as the wire wants it. */
    byte[] publicValue();

    /**
     * The shared secret with the peer's public value. An invalid public value (wrong length, not on
     * the curve, outside [2, p-2], or a low-order point) is an illegal_parameter.
     */
    byte[] agree(byte[] peerPublicValue) throws TlsException;

    /** The group, for people: "x25519", "ffdhe2048", "modp2048". */
    String groupName();

    /** How the shared secret is computed, for an explanation. */
    String derivation();

    /**
     * A fresh key share in a named group.
     *
     * @param tls13 whether TLS 1.3 encodings apply (finite-field values padded to the prime's length)
     */
    static KeyShare generate(NamedGroup group, boolean tls13, CryptoProvider crypto, SecureRandom random)
            throws TlsException {
        if (group.equals(NamedGroup.X25519)) {
            return new XdhKeyShare(crypto, random);
        }
        if (group.equals(NamedGroup.SECP256R1) || group.equals(NamedGroup.SECP384R1)) {
            return new EcdhKeyShare(group, crypto, random);
        }
        DhGroup dh = DhGroups.forNamedGroup(group);
        if (dh != null) {
            return new FfdheKeyShare(dh, tls13, crypto, random);
        }
        throw new TlsException(AlertDescription.INTERNAL_ERROR, "group " + group + " is not implemented");
    }
}
