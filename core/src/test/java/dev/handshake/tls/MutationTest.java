package dev.handshake.tls;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real handshake flights with random damage (flipped bits, changed bytes, cuts, repeats, junk):
 * whatever arrives, the engine either goes on or fails with a {@link TlsException} naming a
 * protocol alert — never another exception, nor internal_error (which is how the engine reports an
 * exception it did not expect). Seeded, so a failure can be replayed.
 */
class MutationTest {

    private static final int ROUNDS = 600;

    private static TlsConfig client() {
        return TlsConfig.builder().cipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256))
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build();
    }

    private static TlsConfig server() {
        return TlsConfig.builder().cipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256))
            .credential(TestIdentities.RSA).build();
    }

    @Test
    void damagedTls12FlightsOnlyEverRaiseTlsException() throws Exception {
        damage(client(), server(), 20261128);
    }

    @Test
    void damagedTls13FlightsOnlyEverRaiseTlsException() throws Exception {
        TlsConfig client = TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build();
        TlsConfig server = TlsConfig.builder().credential(TestIdentities.RSA).credential(TestIdentities.EC)
            .namedGroups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)).build();
        damage(client, server, 20261129);
    }

    private static void damage(TlsConfig client, TlsConfig server, long start) throws Exception {
        Random random = new Random(start);
        for (int round = 0; round < ROUNDS; round++) {
            long seed = random.nextLong();
            Random r = new Random(seed);
            EnginePair pair = new EnginePair(client, server);
            // Let the handshake proceed a random number of flights, then damage the next one.
            int cleanFlights = r.nextInt(5);
            TlsConnection from = pair.client;
            TlsConnection to = pair.server;
            for (int i = 0; i < cleanFlights; i++) {
                EnginePair.transfer(from, to);
                TlsConnection swap = from;
                from = to;
                to = swap;
            }
            byte[] flight = EnginePair.drain(from);
            if (flight.length == 0) {
                continue;
            }
            byte[] damaged = damage(flight, r);
            try {
                to.readTls(ByteBuffer.wrap(damaged));
                EnginePair.drain(to);
            } catch (TlsException expected) {
                // internal_error would mean a bug (an exception the engine did not expect) was caught.
                if (expected.alert().equals(AlertDescription.INTERNAL_ERROR)) {
                    fail("seed " + seed + ": " + expected, expected);
                }
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("seed " + seed + ": " + e, e);
            }
        }
    }

    private static byte[] damage(byte[] flight, Random r) {
        byte[] out = flight.clone();
        switch (r.nextInt(5)) {
            case 0 -> out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> {
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> out = java.util.Arrays.copyOf(out, r.nextInt(out.length));
            case 3 -> {
                int at = r.nextInt(out.length);
                byte[] longer = new byte[out.length + at];
                System.arraycopy(out, 0, longer, 0, out.length);
                System.arraycopy(out, 0, longer, out.length, at);
                out = longer;
            }
            default -> {
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                int at = r.nextInt(out.length);
                byte[] longer = new byte[out.length + junk.length];
                System.arraycopy(out, 0, longer, 0, at);
                System.arraycopy(junk, 0, longer, at, junk.length);
                System.arraycopy(out, at, longer, at + junk.length, out.length - at);
                out = longer;
            }
        }
        return out;
    }
}
