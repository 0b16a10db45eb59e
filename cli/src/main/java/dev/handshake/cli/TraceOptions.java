package dev.handshake.cli;

import dev.handshake.cli.explain.Style;
import dev.handshake.cli.trace.Side;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** {@code --explain}, {@code --json}, {@code --keylog}, {@code --pcap}, {@code --report}: seeing the handshake. */
final class TraceOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--explain", description = "Explain the handshake step by step, one block per message, in wire order.")
    private boolean explain;

    @Option(names = "--json", description = "Print one JSON object per event instead (records, messages, secrets, checks).")
    private boolean json;

    @Option(names = {"--no-color", "--no-colour"}, description = "No colours in --explain, even on a terminal.")
    private boolean noColour;

    @Option(names = "--keylog", paramLabel = "FILE", defaultValue = "${env:SSLKEYLOGFILE}",
        description = "Append the secrets to FILE in the NSS key log format that Wireshark reads "
            + "(default: the SSLKEYLOGFILE environment variable).")
    private Path keyLog;

    @Option(names = "--pcap", paramLabel = "FILE",
        description = "Write the connection's bytes to FILE as a pcap capture (TCP over IPv4), and the keys to "
            + "decrypt it to the --keylog file or else to FILE.keys.")
    private Path pcap;

    @Option(names = "--report", paramLabel = "FILE.html",
        description = "Write a self-contained HTML page: sequence diagram, message fields, certificate chain. With serve "
            + "or connect --reconnect, connection n's page goes to FILE-n.html.")
    private Path report;

    /** Whether JSON replaces the command's usual output. */
    boolean json() {
        return json;
    }

    /**
     * Opens what the options ask for.
     *
     * @param server for {@code serve}: connections overlap, so each is printed whole when it ends
     * @param manyConnections whether the command may make more than one connection: then connection
     *                        n's report goes to FILE-n.html
     */
    Tracing open(Side side, boolean server, boolean manyConnections, PrintWriter out, PrintWriter err) throws IOException {
        if (explain && json) {
            throw new ParameterException(spec.commandLine(), "--explain and --json exclude each other");
        }
        Path keys = keyLog != null && !keyLog.toString().isEmpty() ? keyLog
            : pcap != null ? pcap.resolveSibling(pcap.getFileName() + ".keys") : null;
        IntFunction<Path> reports = report == null ? null : manyConnections ? n -> numbered(report, n) : n -> report;
        return Tracing.open(side, new Tracing.Settings(explain, json, Style.forTerminal(noColour), keys, pcap, reports, server),
            out, err);
    }

    /** {@code report.html} → {@code report-3.html}. */
    private static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(numbered);
    }
}
