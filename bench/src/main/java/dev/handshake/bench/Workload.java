package dev.handshake.bench;

/** One scenario run by one engine: what a JMH operation calls. */
public interface Workload {

    /**
     * One operation: a handshake with one byte each way, or one 16 KiB record wrapped and unwrapped.
     * Returns a value that depends on the work (for JMH's blackhole).
     */
    int run() throws Exception;

    /**
     * What the last operation negotiated, e.g. {@code TLSv1.3 TLS_AES_128_GCM_SHA256 full}, checked
     * against the scenario before measuring; {@code null} for the floor, which negotiates nothing.
     */
    Negotiated negotiated();

    /** Releases what the workload holds (native state of Conscrypt). */
    default void close() {
    }

    /** The outcome of a handshake, as the client saw it. */
    record Negotiated(String protocol, String suite, boolean resumed) {
        @Override
        public String toString() {
            return protocol + " " + suite + (resumed ? " resumed" : " full");
        }
    }
}
