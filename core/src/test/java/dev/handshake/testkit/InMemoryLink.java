package dev.handshake.testkit;

/** Carries bytes between two {@link TlsEndpoint}s in memory until neither has anything to send. */
public final class InMemoryLink {

    /** More rounds than any handshake, data exchange and close need; a ping-pong loop fails instead. */
    private static final int MAX_ROUNDS = 100;

    private InMemoryLink() {
    }

    /**
     * Delivers a's output to b and b's output to a, round after round, until a round moves no byte.
     * Returns the number of bytes moved.
     */
    public static long pump(TlsEndpoint a, TlsEndpoint b) {
        long moved = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] fromA = a.toNetwork();
            if (fromA.length > 0) {
                b.fromNetwork(fromA);
            }
            byte[] fromB = b.toNetwork();
            if (fromB.length > 0) {
                a.fromNetwork(fromB);
            }
            if (fromA.length == 0 && fromB.length == 0) {
                return moved;
            }
            moved += fromA.length + fromB.length;
        }
        throw new AssertionError("the endpoints were still sending after " + MAX_ROUNDS + " rounds");
    }
}
