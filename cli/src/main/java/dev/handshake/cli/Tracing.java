package dev.handshake.cli;

import dev.handshake.cli.explain.Explainer;
import dev.handshake.cli.explain.JsonEvents;
import dev.handshake.cli.explain.Style;
import dev.handshake.cli.pcap.CapturingServerSocket;
import dev.handshake.cli.pcap.CapturingSocket;
import dev.handshake.cli.pcap.PcapFile;
import dev.handshake.cli.report.ReportWriter;
import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.cli.trace.KeyLogFile;
import dev.handshake.cli.trace.Side;
import dev.handshake.tls.TlsConfig;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * How one command shows its connections: the explanation or JSON on standard output, a key log
 * and a capture shared by all connections, and a report per connection. Made once per command;
 * {@link #connection()} makes the observer of each connection, {@link #socket()} and
 * {@link #serverSocket()} the sockets that capture.
 */
final class Tracing implements Closeable {

    /**
     * What to show.
     *
     * @param report the report file of connection number n, or null for no report
     * @param wholeConnections print each connection's explanation or JSON in one piece when it ends
     *                         (a server's connections overlap), rather than as it happens
     */
    record Settings(boolean explain, boolean json, Style style, Path keyLog, Path pcap, IntFunction<Path> report,
                    boolean wholeConnections) {
    }

    private final Side side;
    private final Settings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final KeyLogFile keyLog;
    private final PcapFile pcap;
    private final AtomicInteger connections = new AtomicInteger();

    private Tracing(Side side, Settings settings, PrintWriter out, PrintWriter err, KeyLogFile keyLog, PcapFile pcap) {
        this.side = side;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.keyLog = keyLog;
        this.pcap = pcap;
    }

    /** Opens the key log and the capture the settings name. */
    static Tracing open(Side side, Settings settings, PrintWriter out, PrintWriter err) throws IOException {
        KeyLogFile keyLog = settings.keyLog() != null ? KeyLogFile.open(settings.keyLog(), err) : null;
        try {
            PcapFile pcap = settings.pcap() != null ? PcapFile.create(settings.pcap(), Clock.systemUTC()) : null;
            return new Tracing(side, settings, out, err, keyLog, pcap);
        } catch (IOException e) {
            if (keyLog != null) {
                keyLog.close();
            }
            throw e;
        }
    }

    /** Nothing to show: connections get no observer and plain sockets. */
    static Tracing none(Side side, PrintWriter out, PrintWriter err) {
        return new Tracing(side, new Settings(false, false, Style.plain(), null, null, null, false), out, err, null, null);
    }

    /** The observer of a new connection, or null when nothing is shown. */
    ConnectionTrace connection() {
        if (!settings.explain() && !settings.json() && keyLog == null && settings.report() == null) {
            return null;
        }
        int number = connections.incrementAndGet();
        List<ConnectionTrace.Listener> listeners = new ArrayList<>();
        StringWriter buffer = settings.wholeConnections() ? new StringWriter() : null;
        PrintWriter text = buffer != null ? new PrintWriter(buffer) : out;
        if (settings.explain()) {
            listeners.add(new Explainer(text, settings.style()));
        }
        if (settings.json()) {
            listeners.add(new JsonEvents(text));
        }
        if (keyLog != null) {
            listeners.add(keyLog);
        }
        if (settings.report() != null) {
            listeners.add(new ReportWriter(settings.report(), err));
        }
        if (buffer != null) {
            listeners.add(new Flush(buffer));
        }
        return new ConnectionTrace(side, number, Clock.systemUTC(), listeners);
    }

    /** {@code config} with this connection's observer, or as it is when there is none. */
    static TlsConfig observed(TlsConfig config, ConnectionTrace trace) {
        return trace == null ? config : config.toBuilder().observer(trace).build();
    }

    /** An unconnected client socket, capturing when a capture is wanted. */
    Socket socket() {
        return pcap != null ? new CapturingSocket(pcap) : new Socket();
    }

    /** An unbound server socket, capturing when a capture is wanted. */
    ServerSocket serverSocket() throws IOException {
        return pcap != null ? new CapturingServerSocket(pcap) : new ServerSocket();
    }

    /** Closes the key log and the capture, and says how to read the capture. */
    @Override
    public void close() throws IOException {
        try {
            if (keyLog != null) {
                keyLog.close();
            }
        } finally {
            if (pcap != null) {
                pcap.close();
                err.println("capture: " + pcap.path() + (keyLog != null
                    ? "  (decrypt: tshark -r " + pcap.path() + " -o tls.keylog_file:" + keyLog.path() + " -Y http)" : ""));
                err.flush();
            }
        }
    }

    /** Prints a connection's buffered text in one piece, so connections of a server do not interleave. */
    private final class Flush implements ConnectionTrace.Listener {

        private final StringWriter buffer;

        Flush(StringWriter buffer) {
            this.buffer = buffer;
        }

        @Override
        public void onFinish(ConnectionTrace trace) {
            out.print(buffer);
            out.flush();
        }
    }
}
