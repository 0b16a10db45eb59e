package dev.handshake.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of {@link PathValidator#validate}: a value, never an exception.
 *
 * @param valid whether a path to a trust anchor passed every check
 * @param path the accepted path (leaf first, trust anchor last); on failure the path that came
 *     closest (possibly just the leaf, or empty when there was no leaf)
 * @param failure why it failed, null when valid
 * @param certificateIndex the index in {@code path} of the certificate at fault, -1 when valid or
 *     when no certificate is at fault
 * @param message a sentence a person can act on
 */
public record ValidationResult(boolean valid, List<X509Certificate> path, FailureCode failure, int certificateIndex,
                               String message) {

    public ValidationResult {
        path = List.copyOf(path);
    }

    static ValidationResult accepted(List<X509Certificate> path) {
        return new ValidationResult(true, path, null, -1, "valid: " + Wording.path(path));
    }

    static ValidationResult rejected(FailureCode failure, List<X509Certificate> path, int index, String message) {
        return new ValidationResult(false, path, failure, index, message);
    }

    /** The certificate at fault, or null. */
    public X509Certificate certificateAtFault() {
        return certificateIndex >= 0 && certificateIndex < path.size() ? path.get(certificateIndex) : null;
    }

    @Override
    public String toString() {
        return valid ? message : failure + ": " + message;
    }
}
