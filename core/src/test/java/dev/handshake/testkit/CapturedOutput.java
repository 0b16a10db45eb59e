package dev.handshake.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a process's output stream on a daemon thread, so the process never blocks on a full pipe. */
final class CapturedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;

    CapturedOutput(InputStream stream, String name) {
        reader = new Thread(() -> copy(stream), name);
        reader.setDaemon(true);
        reader.start();
    }

    String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (bounded) until the stream has ended, e.g. after the process was destroyed. */
    void awaitEnd() {
        try {
            reader.join(Waits.TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copy(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                synchronized (bytes) {
                    bytes.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The process ended and its pipe was closed under the reader; what was read stays.
        }
    }
}
