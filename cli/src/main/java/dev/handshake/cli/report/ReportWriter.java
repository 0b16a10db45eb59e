package dev.handshake.cli.report;

import dev.handshake.cli.trace.ConnectionTrace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** Writes a connection's report when it ends; {@code err} says where, or why it could not. */
public final class ReportWriter implements ConnectionTrace.Listener {

    private final IntFunction<Path> file;
    private final PrintWriter err;

    /** @param file the report file of the connection with this number */
    public ReportWriter(IntFunction<Path> file, PrintWriter err) {
        this.file = file;
        this.err = err;
    }

    @Override
    public void onFinish(ConnectionTrace trace) {
        Path path = file.apply(trace.number());
        try {
            HtmlReport.write(trace, path);
            err.println("report: " + path);
        } catch (IOException e) {
            err.println("handshake: cannot write the report " + path + ": " + e.getMessage());
        }
        err.flush();
    }
}
