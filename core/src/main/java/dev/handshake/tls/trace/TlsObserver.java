package dev.handshake.tls.trace;

/**
 * Receives every step of a connection as a {@link TlsEvent}: records, handshake messages, secrets,
 * certificate checks, alerts and state changes. Installed with {@code TlsConfig.builder().observer(...)};
 * without one the engine builds no events at all.
 *
 * <p>Secrets reach the observer: install one only where that is wanted (a key log, an explanation).
 * Called on the thread that drives the connection, in the order things happen.
 */
@FunctionalInterface
public interface TlsObserver {

    void onEvent(TlsEvent event);
}
