package dev.handshake.cli.trace;

import dev.handshake.tls.trace.TlsEvent.Direction;

/** The two ends of a connection. */
public enum Side {
    CLIENT, SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /** Who sent something that crossed in {@code direction}, seen from this side. */
    public Side sender(Direction direction) {
        return direction == Direction.SENT ? this : other();
    }

    /** "client" or "server". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
