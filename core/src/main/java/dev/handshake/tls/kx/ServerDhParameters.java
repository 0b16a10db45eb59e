package dev.handshake.tls.kx;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a TLS 1.2 client makes of the DH parameters (p, g) in a ServerKeyExchange. The
 * well-known primes of RFC 7919 and RFC 3526 are accepted at once; any other prime is accepted
 * only if it is a safe prime (p = 2q + 1 with q prime) of at least the configured size, a check
 * made once per prime and remembered. Primes under the minimum are insufficient_security.
 */
public final class ServerDhParameters {

    /** Above this size a prime is refused rather than tested: the test would cost seconds. */
    static final int MAX_BITS = 8192;
    private static final int PRIMALITY_CERTAINTY = 80;
    private static final int CACHE_SIZE = 32;

    /** Unknown primes already found to be safe, least recently used first. */
    private static final Map<BigInteger, Boolean> SAFE_PRIMES = Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BigInteger, Boolean> eldest) {
                return size() > CACHE_SIZE;
            }
        });

    private ServerDhParameters() {
    }

    /** Checks the server's group and makes the client's key share in it. */
    public static KeyShare clientShare(byte[] pBytes, byte[] gBytes, int minBits,
                                       CryptoProvider crypto, SecureRandom random) throws TlsException {
        return FfdheKeyShare.forServerParameters(validate(pBytes, gBytes, minBits), crypto, random);
    }

    static DhGroup validate(byte[] pBytes, byte[] gBytes, int minBits) throws TlsException {
        BigInteger p = new BigInteger(1, pBytes);
        BigInteger g = new BigInteger(1, gBytes);
        int bits = p.bitLength();
        if (bits < minBits) {
            throw new TlsException(AlertDescription.INSUFFICIENT_SECURITY, "the server chose a " + bits
                + "-bit Diffie-Hellman prime, weaker than the " + minBits + "-bit minimum");
        }
        if (bits > MAX_BITS) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the server chose a " + bits
                + "-bit Diffie-Hellman prime; Handshake accepts at most " + MAX_BITS + " bits");
        }
        if (g.compareTo(BigInteger.TWO) < 0 || g.compareTo(p.subtract(BigInteger.TWO)) > 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server's Diffie-Hellman generator is outside [2, p-2]");
        }
        DhGroup known = DhGroups.forPrime(p);
        if (known != null) {
            return known.g().equals(g) ? known : new DhGroup(known.name(), known.namedGroup(), p, g);
        }
        if (!SAFE_PRIMES.containsKey(p)) {
            BigInteger q = p.subtract(BigInteger.ONE).shiftRight(1);
            if (!p.isProbablePrime(PRIMALITY_CERTAINTY) || !q.isProbablePrime(PRIMALITY_CERTAINTY)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server's " + bits + "-bit Diffie-Hellman modulus is not a safe prime");
            }
            SAFE_PRIMES.put(p, Boolean.TRUE);
        }
        return new DhGroup(bits + "-bit prime", null, p, g);
    }
}
