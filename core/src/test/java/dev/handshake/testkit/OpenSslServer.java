package dev.handshake.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code openssl s_server} on 127.0.0.1 and a port the system picked, serving a {@link TestPki}
 * identity, with its output and its alerts ({@code -msg}) captured.
 *
 * <p>Which mode proves what (OpenSSL 3.0):
 * <ul>
 * <li>{@link Mode#REVERSE} ({@code -rev}), the default: answers each line with the line reversed,
 * e.g. "hello\n" with "olleh\n". When the client sends close_notify, the server answers with its
 * own close_notify and prints "CONNECTION CLOSED" (stderr). A line "CLOSE" makes the server send
 * close_notify first. Use it to prove a round trip and a clean close in both directions: after
 * {@link #awaitConnectionsClosed}, {@code alerts().received("close_notify")} tells whether the
 * client closed cleanly. An abrupt close prints "CONNECTION CLOSED" too, and no error: only the
 * alert log shows the difference (no received close_notify; a sent fatal decode_error, which is
 * how OpenSSL 3.0 reports "unexpected eof while reading").
 * <li>{@link Mode#STATUS_PAGE} ({@code -www}): answers "GET / HTTP/1.0\r\n\r\n" with "HTTP/1.0
 * 200 ok" and a page that names the protocol and cipher ("New, TLSv1.3, Cipher is ..."), then
 * sends close_notify and closes without waiting for the client's; it prints nothing per
 * connection, so it cannot show how the client closed. On a resumed session the page says
 * "Reused, TLSv1.3, ..." instead of "New, ...".
 * <li>{@link Mode#CONSOLE} (no mode option): what the client sends appears on stdout, and lines
 * {@link #type typed} on stdin go to the client; "k" on a line of its own sends a TLS 1.3 KeyUpdate,
 * "K" one that requests the client's (both print "SSL_do_handshake -> 1"). s_server -stateless
 * (a HelloRetryRequest with a cookie) does nothing with -rev; in this mode OpenSSL 3.0 sends the
 * HelloRetryRequest and then gives up on the TCP connection ("ERROR"), with its own s_client too.
 * </ul>
 * s_server sends the leaf with -cert and the intermediate with -cert_chain.
 */
public final class OpenSslServer implements AutoCloseable {

    public enum Mode {
        REVERSE("-rev"),
        STATUS_PAGE("-www"),
        CONSOLE(null);

        private final String option;

        Mode(String option) {
            this.option = option;
        }
    }

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern CIPHER_SUITE = Pattern.compile("^Ciphersuite: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern CLOSED = Pattern.compile("^CONNECTION CLOSED$", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^CONNECTION FAILURE$", Pattern.MULTILINE);

    private final PeerProcess process;
    private final Path messageFile;
    private final int port;

    private OpenSslServer(PeerProcess process, Path messageFile, int port) {
        this.process = process;
        this.messageFile = messageFile;
        this.port = port;
    }

    /** Configures a server for the identity; PEM and log files go into the work directory. */
    public static Builder builder(Identity identity, Path workDirectory) {
        return new Builder(identity, workDirectory);
    }

    public static final class Builder extends OpenSslOptions<Builder> {

        private final Identity identity;
        private final Path workDirectory;
        private Mode mode = Mode.REVERSE;
        private boolean requireClientCertificate;

        private Builder(Identity identity, Path workDirectory) {
            this.identity = identity;
            this.workDirectory = workDirectory;
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder mode(Mode serverMode) {
            this.mode = serverMode;
            return this;
        }

        /** Requires a client certificate that chains to the identity's root (-Verify, -verify_return_error). */
        public Builder requireClientCertificate() {
            this.requireClientCertificate = true;
            return this;
        }

        public OpenSslServer start() {
            PemFiles files = identity.writePem(workDirectory);
            Path messageFile = PeerProcess.logFile(workDirectory, "s_server");
            List<String> command = new ArrayList<>();
            if (mode == Mode.CONSOLE) {
                // s_server reports a console command's result with printf: line-buffer stdout to see it.
                command.addAll(List.of("stdbuf", "-oL"));
            }
            command.addAll(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
                "-cert", files.leaf().toString(), "-cert_chain", files.intermediate().toString(),
                "-key", files.key().toString(), "-msg", "-msgfile", messageFile.toString()));
            if (mode.option != null) {
                command.add(mode.option);
            }
            if (requireClientCertificate) {
                // -Verify alone only asks for a certificate; a chain that does not verify still passes.
                command.addAll(List.of("-Verify", "2", "-verify_return_error", "-CAfile", files.root().toString()));
            }
            command.addAll(options);
            PeerProcess process = PeerProcess.start(command, workDirectory);
            process.awaitReady("s_server to listen", () -> ACCEPT.matcher(process.stdout()).find(), () -> false);
            String port = ACCEPT.matcher(process.stdout()).results().findFirst().orElseThrow().group(1);
            return new OpenSslServer(process, messageFile, Integer.parseInt(port));
        }
    }

    public int port() {
        return port;
    }

    /**
     * In {@link Mode#REVERSE}: waits (bounded) until this many connections have ended. The alerts
     * the server received on them are in {@link #alerts()} by then; the close_notify it answers
     * with is sent just after, so the client, not this log, is where to check for it.
     */
    public void awaitConnectionsClosed(int count) {
        Waits.until(count + " connection(s) to close",
            () -> CLOSED.matcher(process.stderr()).results().count() >= count, this::diagnostics);
    }

    /**
     * Waits (bounded) until this many handshakes have failed ("CONNECTION FAILURE"): the alert the
     * server sent for each is in {@link #alerts()} by then, the reason in {@link #errors()}.
     */
    public void awaitConnectionsFailed(int count) {
        Waits.until(count + " connection(s) to fail",
            () -> FAILED.matcher(process.stderr()).results().count() >= count, this::diagnostics);
    }

    /** The alerts the server sent and received, so far. */
    public AlertLog alerts() {
        return AlertLog.read(messageFile);
    }

    /** The handshake messages the server sent and received, so far. */
    public HandshakeLog handshakes() {
        return HandshakeLog.read(messageFile);
    }

    /** In {@link Mode#CONSOLE}: sends a line to the client, or a command such as "K\n". */
    public void type(String line) {
        process.write(line);
    }

    /** Waits (bounded) until stdout has shown the text this many times, e.g. "SSL_do_handshake -> 1". */
    public void awaitOutput(String text, int times) {
        process.await("'" + text.strip() + "' " + times + " time(s) on the stdout of s_server",
            () -> PeerProcess.occurrences(process.stdout(), text) >= times);
    }

    public String stdout() {
        return process.stdout();
    }

    /** OpenSSL error lines on stderr, e.g. "...:error:0A0000C7:...:peer did not return a certificate:...". */
    public List<String> errors() {
        return OpenSslOutput.errors(process.stderr());
    }

    /** In {@link Mode#REVERSE}: the cipher suite of each connection, in OpenSSL's names. */
    public List<String> cipherSuites() {
        return CIPHER_SUITE.matcher(process.stderr()).results().map(match -> match.group(1)).toList();
    }

    public String stderr() {
        return process.stderr();
    }

    /** Command line, output and alerts, for assertion messages. */
    public String diagnostics() {
        return process.diagnostics() + "\n--- alerts ---\n" + alerts();
    }

    @Override
    public void close() {
        process.close();
    }
}
