package dev.handshake.tls.kx;

import dev.handshake.tls.NamedGroup;

import java.math.BigInteger;

/**
 * A finite-field Diffie-Hellman group: public prime p and generator g.
 *
 * @param name a short name for people ("ffdhe2048", "modp2048", or "2048-bit prime")
 * @param namedGroup the RFC 7919 code point, or {@code null} for a group that has none
 */
public record DhGroup(String name, NamedGroup namedGroup, BigInteger p, BigInteger g) {

    public int bits() {
        return p.bitLength();
    }

    /** The length of p in bytes, the length TLS 1.3 pads public values and secrets to. */
    public int byteLength() {
        return (p.bitLength() + 7) / 8;
    }
}
