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

    private final ScheduledFuture<?> expiry;

    private Deadline(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

    static Deadline arm(ScheduledExecutorService timer, Socket socket, Duration limit) {
        return new Deadline(timer.schedule(() -> closeQuietly(socket), limit.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Whether the deadline passed and the socket was closed. */
    boolean expired() {
        return expiry.isDone() && !expiry.isCancelled();
    }

    @Override
    public void close() {
        expiry.cancel(false);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all the deadline does; a socket that cannot close is closed enough.
        }
    }
}
