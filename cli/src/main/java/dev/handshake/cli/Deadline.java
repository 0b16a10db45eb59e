package dev.handshake.cli;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when a deadline passes. A read timeout bounds one silent read; a deadline also
 * bounds a peer that trickles a byte now and then (slowloris), so it cannot hold a worker forever.
 */
final class Deadline implements AutoCloseable {

    private final Socket socket;
    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;

    private Deadline(ScheduledExecutorService timer, Socket socket, Duration limit) {
        this.socket = socket;
        this.expiry = timer.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Deadline arm(ScheduledExecutorService timer, Socket socket, Duration limit) {
        return new Deadline(timer, socket, limit);
    }

    /** Whether the deadline passed and closed the socket. */
    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        expiry.cancel(false);
    }

    private void expire() {
        // Set before closing, so the thread woken by the close sees why.
        expired = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all the deadline does; a socket that cannot close is closed enough.
        }
    }
}
