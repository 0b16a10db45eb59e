package dev.handshake.cli.trace;

import dev.handshake.tls.trace.TlsEvent;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A key log in the NSS format that Wireshark, tshark and curl read: one line per secret, appended
 * and flushed at once, shared by every connection of a command. TLS 1.2 logs the master secret as
 * {@code CLIENT_RANDOM}; TLS 1.3 logs its traffic secrets under their own labels.
 */
public final class KeyLogFile implements ConnectionTrace.Listener, Closeable {

    /** The engine's secret names and the key log labels for them. */
    private static final Map<String, String> LABELS = Map.of(
        "master_secret", "CLIENT_RANDOM",
        "client_handshake_traffic_secret", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
        "server_handshake_traffic_secret", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
        "client_application_traffic_secret_0", "CLIENT_TRAFFIC_SECRET_0",
        "server_application_traffic_secret_0", "SERVER_TRAFFIC_SECRET_0",
        "exporter_master_secret", "EXPORTER_SECRET");

    private final Path path;
    private final Writer writer;
    private final PrintWriter err;
    private boolean failed;

    private KeyLogFile(Path path, Writer writer, PrintWriter err) {
        this.path = path;
        this.writer = writer;
        this.err = err;
    }

    /** Opens {@code path} for appending, creating it when missing; {@code err} hears of a failed write, once. */
    public static KeyLogFile open(Path path, PrintWriter err) throws IOException {
        return new KeyLogFile(path, Files.newBufferedWriter(path, StandardCharsets.US_ASCII,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), err);
    }

    public Path path() {
        return path;
    }

    /**
     * The key log line for a secret, or null for a secret a key log does not carry. TLS 1.3 has a
     * master secret too, but logs its traffic secrets instead: CLIENT_RANDOM is TLS 1.2's alone.
     */
    public static String line(TlsEvent.Secret secret, boolean tls13) {
        String label = LABELS.get(secret.name());
        if (label == null || (tls13 && label.equals("CLIENT_RANDOM"))) {
            return null;
        }
        return label + " " + Hex.of(secret.clientRandom()) + " " + Hex.of(secret.value());
    }

    @Override
    public synchronized void onStep(ConnectionTrace trace, TraceStep step) {
        if (!(step.event() instanceof TlsEvent.Secret secret) || failed) {
            return;
        }
        String line = line(secret, trace.negotiation().tls13());
        if (line == null) {
            return;
        }
        try {
            writer.write(line + "\n");
            writer.flush();
        } catch (IOException e) {
            failed = true;
            err.println("handshake: cannot write the key log " + path + ": " + e.getMessage());
            err.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
