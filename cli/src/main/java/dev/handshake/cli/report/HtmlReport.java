package dev.handshake.cli.report;

import dev.handshake.cli.explain.Json;
import dev.handshake.cli.trace.ConnectionTrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One self-contained HTML page about a connection: the page's CSS, script and the connection's
 * data are inline, and the script draws the sequence diagram and the chain as SVG. It loads
 * nothing from the network.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ConnectionTrace trace) {
        String title = "TLS handshake, seen from the " + trace.self().label();
        return resource("report.html")
            .replace("{{TITLE}}", title)
            .replace("/*STYLE*/", resource("report.css"))
            .replace("/*SCRIPT*/", resource("report.js"))
            .replace("/*DATA*/", Json.write(ReportData.of(trace)));
    }

    public static void write(ConnectionTrace trace, Path file) throws IOException {
        Files.writeString(file, render(trace), StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
