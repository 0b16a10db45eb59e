package dev.handshake.pki;

/**
 * Receives each step of a validation as it happens, for an explanation or a trace. Installed
 * with {@link PathValidator.Builder#listener}; when none is installed the steps are never made.
 * Called on the validating thread; it must not throw.
 */
@FunctionalInterface
public interface ValidationListener {

    void onStep(ValidationStep step);
}
