package dev.handshake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gnutls-cli} against 127.0.0.1:port, checking the server's certificate for "localhost"
 * and sending that as SNI. With --logfile, stdout carries only the application data the server
 * sent; the log has "- Description: ..." and "- Peer has closed the GnuTLS connection" (the server's
 * close_notify arrived). On end of input gnutls-cli sends close_notify and waits for the server's.
 * When the server closes first, gnutls-cli exits without answering with close_notify.
 */
public final class GnuTlsClient {

    private final int port;
    private final Path workDirectory;
    private final List<String> options = new ArrayList<>();

    private GnuTlsClient(int port, Path workDirectory) {
        this.port = port;
        this.workDirectory = workDirectory;
    }

    /** A client for 127.0.0.1:port; its log files go into the work directory. */
    public static GnuTlsClient to(int port, Path workDirectory) {
        return new GnuTlsClient(port, workDirectory);
    }

    /** Trusts this root; without it gnutls-cli trusts the system's roots and fails. */
    public GnuTlsClient trust(Path rootPem) {
        return args("--x509cafile", rootPem.toString());
    }

    /** A GnuTLS priority string, e.g. "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+RSA". */
    public GnuTlsClient priority(String priorities) {
        return args("--priority", priorities);
    }

    public GnuTlsClient alpn(String protocol) {
        return args("--alpn", protocol);
    }

    /** Sends this client certificate (leaf, intermediate) when the server asks for one. */
    public GnuTlsClient certificate(PemFiles files) {
        return args("--x509certfile", files.chain().toString(), "--x509keyfile", files.key().toString());
    }

    /** Any other options, passed as they are. */
    public GnuTlsClient args(String... arguments) {
        options.addAll(List.of(arguments));
        return this;
    }

    /** The client closes first: writes the input, waits (bounded) for the reply, then ends stdin. */
    public Result exchange(String input, String expectedReply) {
        return run(input, expectedReply);
    }

    /** The server closes first: writes the input and waits (bounded) for gnutls-cli to exit. */
    public Result request(String input) {
        return run(input, null);
    }

    /**
     * Starts gnutls-cli with --inline-commands and leaves the conversation to the caller. Besides
     * data, a line may hold a command: "^rekey1^" sends a TLS 1.3 KeyUpdate, "^rekey^" one that
     * requests the server's (each logs "- Rekey was completed"); "^resume^" reconnects and resumes.
     * Commands run in order with the data around them, even within one write. gnutls-cli writes its
     * log file through a buffer it flushes only when it exits: read the log from the {@link Result}.
     */
    public Conversation start() {
        Path logFile = PeerProcess.logFile(workDirectory, "gnutls-cli");
        List<String> command = command(logFile);
        command.add(command.size() - 1, "--inline-commands");
        return new Conversation(PeerProcess.start(command, workDirectory), logFile);
    }

    private List<String> command(Path logFile) {
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "--logfile", logFile.toString(),
            "--port", Integer.toString(port), "--verify-hostname", "localhost", "--sni-hostname", "localhost"));
        command.addAll(options);
        command.add("127.0.0.1");
        return command;
    }

    private Result run(String input, String expectedReply) {
        Path logFile = PeerProcess.logFile(workDirectory, "gnutls-cli");
        try (PeerProcess process = PeerProcess.start(command(logFile), workDirectory)) {
            int exitCode = process.converse(input, expectedReply);
            return result(exitCode, process, logFile);
        }
    }

    private static Result result(int exitCode, PeerProcess process, Path logFile) {
        String log = read(logFile);
        return new Result(exitCode, process.stdout(), log + process.stderr(),
            process.diagnostics() + "\n--- log ---\n" + log);
    }

    /** A running gnutls-cli; {@link #close()} kills it if it is still running. */
    public static final class Conversation implements AutoCloseable {

        private final PeerProcess process;
        private final Path logFile;

        private Conversation(PeerProcess process, Path logFile) {
            this.process = process;
            this.logFile = logFile;
        }

        /** Writes to gnutls-cli's stdin: data for the server, or an inline command line such as "^rekey^\n". */
        public Conversation send(String input) {
            process.write(input);
            return this;
        }

        /** Waits (bounded) until the server's data so far (stdout) contains the text. */
        public Conversation awaitReceived(String text) {
            process.await("'" + text.strip() + "' on the stdout of gnutls-cli", () -> process.stdout().contains(text));
            return this;
        }

        /** Ends stdin, on which gnutls-cli sends close_notify, waits for the server's and exits (bounded). */
        public Result finish() {
            process.closeInput();
            return result(process.awaitExit(), process, logFile);
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What gnutls-cli printed: {@code log} is its log file and stderr. Its toString is the diagnostics. */
    public record Result(int exitCode, String received, String log, String diagnostics) {

        /** E.g. "(TLS1.2-X.509)-(ECDHE-SECP256R1)-(RSA-SHA256)-(AES-128-GCM)". */
        public String description() {
            Matcher matcher = Pattern.compile("^- Description: (.*)$", Pattern.MULTILINE).matcher(log);
            if (!matcher.find()) {
                throw new AssertionError("gnutls-cli printed no description\n" + diagnostics);
            }
            return matcher.group(1);
        }

        /** "TLS1.2" or "TLS1.3", from the description. */
        public String protocol() {
            return description().substring(1, description().indexOf('-'));
        }

        /** gnutls-cli resumed the session (with --resume: the second connection). */
        public boolean resumed() {
            return log.contains("*** This is a resumed session");
        }

        /** How many "^rekey^" / "^rekey1^" KeyUpdates completed. */
        public int rekeys() {
            return PeerProcess.occurrences(log, "- Rekey was completed");
        }

        /** The server's close_notify arrived. */
        public boolean peerClosed() {
            return log.contains("- Peer has closed the GnuTLS connection");
        }

        /** "*** ..." lines: fatal errors and failed verifications. */
        public List<String> errors() {
            return log.lines().filter(line -> line.startsWith("***")).toList();
        }

        @Override
        public String toString() {
            return diagnostics;
        }
    }
}
