package dev.handshake.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client -brief} against 127.0.0.1:port. With -brief, stdout carries only the
 * application data the server sent, and stderr the connection summary ("Protocol version:",
 * "Ciphersuite:", "Verification:") and errors; -msg -msgfile logs the alerts.
 *
 * <pre>{@code
 * OpenSslClient.Result result = OpenSslClient.to(port, tempDir).trust(files.root()).tls12()
 *     .cipher("ECDHE-ECDSA-AES128-GCM-SHA256").exchange("hello\n", "olleh\n");
 * }</pre>
 */
public final class OpenSslClient extends OpenSslOptions<OpenSslClient> {

    private final int port;
    private final Path workDirectory;

    private OpenSslClient(int port, Path workDirectory) {
        this.port = port;
        this.workDirectory = workDirectory;
    }

    /** A client for 127.0.0.1:port; its log files go into the work directory. */
    public static OpenSslClient to(int port, Path workDirectory) {
        return new OpenSslClient(port, workDirectory);
    }

    @Override
    OpenSslClient self() {
        return this;
    }

    /** Trusts this root and fails the handshake when the server's chain does not verify. */
    public OpenSslClient trust(Path rootPem) {
        return args("-CAfile", rootPem.toString(), "-verify_return_error");
    }

    /** Sends this client certificate (leaf, intermediate) when the server asks for one. */
    public OpenSslClient certificate(PemFiles files) {
        return args("-cert", files.leaf().toString(), "-cert_chain", files.intermediate().toString(),
            "-key", files.key().toString());
    }

    /** The SNI host name; without it s_client sends none for 127.0.0.1. */
    public OpenSslClient servername(String hostName) {
        return args("-servername", hostName);
    }

    /**
     * The client closes first: writes the input, waits (bounded) for the expected reply, then ends
     * stdin, on which s_client sends close_notify and exits.
     */
    public Result exchange(String input, String expectedReply) {
        return run(input, expectedReply);
    }

    /**
     * The server closes first: writes the input and keeps stdin open until s_client exits because
     * the server closed the connection (bounded).
     */
    public Result request(String input) {
        return run(input, null);
    }

    /**
     * Starts s_client and leaves the conversation to the caller: lines written go to the server;
     * "k" or "K" on a line of its own (TLS 1.3) sends a KeyUpdate, "K" one that requests the server's,
     * and s_client prints "KEYUPDATE" on stderr. Write each command on its own and wait for its
     * effect before writing more: s_client reads a command only at the start of what one read returns.
     */
    public Conversation start() {
        Path messageFile = PeerProcess.logFile(workDirectory, "s_client");
        return new Conversation(PeerProcess.start(command(messageFile), workDirectory), messageFile);
    }

    private List<String> command(Path messageFile) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client",
            "-connect", "127.0.0.1:" + port, "-brief", "-msg", "-msgfile", messageFile.toString()));
        command.addAll(options);
        return command;
    }

    private Result run(String input, String expectedReply) {
        Path messageFile = PeerProcess.logFile(workDirectory, "s_client");
        try (PeerProcess process = PeerProcess.start(command(messageFile), workDirectory)) {
            int exitCode = process.converse(input, expectedReply);
            return result(exitCode, process, messageFile);
        }
    }

    private static Result result(int exitCode, PeerProcess process, Path messageFile) {
        AlertLog alerts = AlertLog.read(messageFile);
        HandshakeLog handshakes = HandshakeLog.read(messageFile);
        return new Result(exitCode, process.stdout(), process.stderr(), alerts, handshakes,
            process.diagnostics() + "\n--- alerts ---\n" + alerts + "\n--- handshake ---\n" + handshakes);
    }

    /** A running s_client; {@link #close()} kills it if it is still running. */
    public static final class Conversation implements AutoCloseable {

        private final PeerProcess process;
        private final Path messageFile;

        private Conversation(PeerProcess process, Path messageFile) {
            this.process = process;
            this.messageFile = messageFile;
        }

        /** Writes to s_client's stdin: data for the server, or a command such as "K\n". */
        public Conversation send(String input) {
            process.write(input);
            return this;
        }

        /** Waits (bounded) until the server's data so far (stdout) contains the text. */
        public Conversation awaitReceived(String text) {
            process.await("'" + text.strip() + "' on the stdout of s_client", () -> process.stdout().contains(text));
            return this;
        }

        /** Waits (bounded) until stderr has shown the text this many times, e.g. "KEYUPDATE". */
        public Conversation awaitStderr(String text, int times) {
            process.await("'" + text + "' " + times + " time(s) on the stderr of s_client",
                () -> PeerProcess.occurrences(process.stderr(), text) >= times);
            return this;
        }

        /** Ends stdin, on which s_client sends close_notify and exits; waits (bounded) for that. */
        public Result finish() {
            process.closeInput();
            return result(process.awaitExit(), process, messageFile);
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /** What s_client printed and logged. Its toString is the full diagnostics. */
    public record Result(int exitCode, String received, String stderr, AlertLog alerts, HandshakeLog handshakes,
                         String diagnostics) {

        /** "TLSv1.2" or "TLSv1.3". */
        public String protocol() {
            return field("Protocol version");
        }

        /** The cipher suite in OpenSSL's names, e.g. "ECDHE-RSA-AES128-GCM-SHA256" or "TLS_AES_128_GCM_SHA256". */
        public String cipherSuite() {
            return field("Ciphersuite");
        }

        /** "OK", or the verify error, e.g. "unable to get local issuer certificate". */
        public String verification() {
            Matcher error = Pattern.compile("^Verification error: (.*)$", Pattern.MULTILINE).matcher(stderr);
            return error.find() ? error.group(1) : field("Verification");
        }

        /** The server sent close_notify (only seen when the server closed first). */
        public boolean receivedCloseNotify() {
            return alerts.received("close_notify") > 0;
        }

        public boolean sentCloseNotify() {
            return alerts.sent("close_notify") > 0;
        }

        public List<String> errors() {
            return OpenSslOutput.errors(stderr);
        }

        private String field(String name) {
            Matcher matcher = Pattern.compile("^" + name + ": (.*)$", Pattern.MULTILINE).matcher(stderr);
            if (!matcher.find()) {
                throw new AssertionError("s_client printed no '" + name + ":' line\n" + diagnostics);
            }
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return diagnostics;
        }
    }
}
