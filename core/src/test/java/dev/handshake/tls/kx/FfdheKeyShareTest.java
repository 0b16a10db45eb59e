package dev.handshake.tls.kx;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.crypto.CryptoProvider;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finite-field shared secret Z is the same number in TLS 1.2 and 1.3 but not the same bytes:
 * TLS 1.2 strips its leading zero bytes (RFC 5246 §8.1.2), TLS 1.3 pads it to the length of p
 * (RFC 8446 §7.4.1). About one secret in 256 starts with a zero byte; these tests look for one.
 */
class FfdheKeyShareTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TRIES = 4_000;

    /** The secret two fresh shares agree on, once it starts with a zero byte (or, in TLS 1.2, was shortened). */
    private static byte[][] secretsWithALeadingZero(boolean tls13) throws Exception {
        for (int i = 0; i < TRIES; i++) {
            KeyShare a = KeyShare.generate(NamedGroup.FFDHE2048, tls13, CryptoProvider.jca(), RANDOM);
            KeyShare b = KeyShare.generate(NamedGroup.FFDHE2048, tls13, CryptoProvider.jca(), RANDOM);
            byte[] ab = a.agree(b.publicValue());
            byte[] ba = b.agree(a.publicValue());
            assertThat(ab).isEqualTo(ba);
            if (tls13 ? ab[0] == 0 : ab.length < 256) {
                return new byte[][] {ab, ba};
            }
        }
        throw new AssertionError("no secret with a leading zero in " + TRIES + " tries (chance about 1 in 10^7)");
    }

    @Test
    void tls13PublicValuesHaveTheLengthOfThePrime() throws Exception {
        assertThat(KeyShare.generate(NamedGroup.FFDHE2048, true, CryptoProvider.jca(), RANDOM).publicValue()).hasSize(256);
        assertThat(KeyShare.generate(NamedGroup.FFDHE3072, true, CryptoProvider.jca(), RANDOM).publicValue()).hasSize(384);
    }

    @Test
    void tls13KeepsTheLeadingZerosOfTheSharedSecret() throws Exception {
        byte[] secret = secretsWithALeadingZero(true)[0];
        assertThat(secret).hasSize(256);
        assertThat(secret[0]).isZero();
    }

    @Test
    void tls12StripsThem() throws Exception {
        byte[] secret = secretsWithALeadingZero(false)[0];
        assertThat(secret.length).isLessThan(256);
        assertThat(secret[0]).isNotZero();
    }
}
