package dev.handshake.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting: every wait in the test kit ends, at the latest, after {@link #TIMEOUT}. */
public final class Waits {

    /** How long the kit waits for a peer to start, answer or finish before failing the test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 10;

    private Waits() {
    }

    /**
     * Polls the condition until it holds; after {@link #TIMEOUT} fails with an AssertionError naming
     * what was awaited, followed by the diagnostics (e.g. a peer's captured output).
     */
    public static void until(String what, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + TIMEOUT.toSeconds() + " s waiting for " + what
                    + "\n" + diagnostics.get());
            }
            sleep(POLL_MILLIS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
