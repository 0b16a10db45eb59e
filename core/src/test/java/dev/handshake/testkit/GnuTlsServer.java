package dev.handshake.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code gnutls-serv} serving a {@link TestPki} identity, with its output captured.
 *
 * <p>gnutls-serv has no option to bind an address or to report a port it picked: it listens on
 * every interface (0.0.0.0 and ::) of a port the kit chose; tests connect to 127.0.0.1 only. It
 * runs under {@code stdbuf -oL} so its stdout (one "- Description: ..." per connection) can be read
 * while it runs. Modes (GnuTLS 3.7):
 * <ul>
 * <li>{@link Mode#ECHO} ({@code --echo}), the default: sends each line back as it came. It answers
 * a client's close_notify with its own; it never closes first. A client that closes without
 * close_notify makes it print "Error: The TLS connection was non-properly terminated." (stderr).
 * <li>{@link Mode#HTTP} ({@code --http}): answers "GET / HTTP/1.0\r\n\r\n" with a page that names
 * "Protocol version", "Description" and "Cipher", then sends close_notify.
 * </ul>
 * No client certificate is requested unless {@link Builder#requireClientCertificate()}.
 */
public final class GnuTlsServer implements AutoCloseable {

    public enum Mode {
        ECHO("--echo"),
        HTTP("--http");

        private final String option;

        Mode(String option) {
            this.option = option;
        }
    }

    private static final int ATTEMPTS = 3;
    private static final Pattern DESCRIPTION = Pattern.compile("^- Description: (.*)$", Pattern.MULTILINE);

    private final PeerProcess process;
    private final int port;

    private GnuTlsServer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Configures a server for the identity; its PEM files go into the work directory. */
    public static Builder builder(Identity identity, Path workDirectory) {
        return new Builder(identity, workDirectory);
    }

    public static final class Builder {

        private final Identity identity;
        private final Path workDirectory;
        private final List<String> options = new ArrayList<>();
        private Mode mode = Mode.ECHO;
        private boolean requireClientCertificate;

        private Builder(Identity identity, Path workDirectory) {
            this.identity = identity;
            this.workDirectory = workDirectory;
        }

        public Builder mode(Mode serverMode) {
            this.mode = serverMode;
            return this;
        }

        /** A GnuTLS priority string, e.g. "NORMAL:-VERS-ALL:+VERS-TLS1.3" or "NORMAL:-KX-ALL:+DHE-RSA". */
        public Builder priority(String priorities) {
            return args("--priority", priorities);
        }

        public Builder alpn(String protocol) {
            return args("--alpn", protocol);
        }

        /** Requires a client certificate that chains to the identity's root. */
        public Builder requireClientCertificate() {
            this.requireClientCertificate = true;
            return this;
        }

        /** Any other options, passed as they are. */
        public Builder args(String... arguments) {
            options.addAll(List.of(arguments));
            return this;
        }

        /** Starts gnutls-serv, on another free port if the one chosen was taken meanwhile. */
        public GnuTlsServer start() {
            PemFiles files = identity.writePem(workDirectory);
            List<String> arguments = new ArrayList<>(List.of("--x509certfile", files.chain().toString(),
                "--x509keyfile", files.key().toString(), mode.option));
            arguments.addAll(requireClientCertificate
                ? List.of("--require-client-cert", "--verify-client-cert", "--x509cafile", files.root().toString())
                : List.of("--disable-client-cert"));
            arguments.addAll(options);
            AssertionError failure = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    return listen(arguments, workDirectory);
                } catch (AssertionError e) {
                    failure = e;
                }
            }
            throw failure;
        }
    }

    private static GnuTlsServer listen(List<String> arguments, Path workDirectory) {
        int port = FreePort.pick();
        List<String> command = new ArrayList<>(
            List.of("stdbuf", "-oL", "gnutls-serv", "--port", Integer.toString(port)));
        command.addAll(arguments);
        PeerProcess process = PeerProcess.start(command, workDirectory);
        String listening = "IPv4 0.0.0.0 port " + port + "...done";
        process.awaitReady("gnutls-serv to listen on port " + port, () -> process.stderr().contains(listening),
            () -> process.stderr().contains("failed"));
        return new GnuTlsServer(process, port);
    }

    public int port() {
        return port;
    }

    /** Waits (bounded) until this many handshakes have completed, i.e. printed their description. */
    public void awaitHandshakes(int count) {
        process.await(count + " handshake(s) on gnutls-serv", () -> descriptions().size() >= count);
    }

    /** One "(TLS1.3-X.509)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-256-GCM)" per connection so far. */
    public List<String> descriptions() {
        return DESCRIPTION.matcher(process.stdout()).results().map(match -> match.group(1)).toList();
    }

    /** How many connections so far resumed a session ("*** This is a resumed session"). */
    public int resumedSessions() {
        return PeerProcess.occurrences(process.stdout(), "*** This is a resumed session");
    }

    /** Error lines on stderr, e.g. "Error: The TLS connection was non-properly terminated.". */
    public List<String> errors() {
        return process.stderr().lines().filter(line -> line.startsWith("Error")).toList();
    }

    public String stdout() {
        return process.stdout();
    }

    public String diagnostics() {
        return process.diagnostics();
    }

    @Override
    public void close() {
        process.close();
    }
}
