package dev.handshake.tls;

import java.io.IOException;

/**
 * The one exception the engine throws. It carries the TLS alert that ends the connection and
 * a sentence a person can act on.
 *
 * <p>{@link #sentByPeer()} tells which side raised the alert: {@code false} when this engine
 * found the problem and sent the alert, {@code true} when the peer sent us a fatal alert.
 */
public final class TlsException extends IOException {

    private final AlertDescription alert;
    private final boolean sentByPeer;

    public TlsException(AlertDescription alert, String message) {
        this(alert, message, null, false);
    }

    public TlsException(AlertDescription alert, String message, Throwable cause) {
        this(alert, message, cause, false);
    }

    private TlsException(AlertDescription alert, String message, Throwable cause, boolean sentByPeer) {
        super(message, cause);
        this.alert = alert;
        this.sentByPeer = sentByPeer;
    }

    /** The peer ended the connection with a fatal alert. */
    public static TlsException receivedAlert(AlertDescription alert) {
        return receivedAlert(alert, "the peer sent a fatal " + alert.name() + " alert");
    }

    /** The peer ended the connection with this alert, as described. */
    public static TlsException receivedAlert(AlertDescription alert, String message) {
        return new TlsException(alert, message, null, true);
    }

    public AlertDescription alert() {
        return alert;
    }

    public boolean sentByPeer() {
        return sentByPeer;
    }

    @Override
    public String toString() {
        return (sentByPeer ? "received " : "sent ") + alert.name() + ": " + getMessage();
    }
}
