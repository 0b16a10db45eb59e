package dev.handshake.cli;

import dev.handshake.cli.trace.Side;
import dev.handshake.pki.Pem;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Credential;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TicketKeys;
import dev.handshake.tls.TlsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code handshake serve}: an HTTPS server that answers every request with what was negotiated. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves HTTPS (TLS 1.3 and 1.2, HTTP/1.1) and answers every request with 200 OK and the negotiated "
        + "protocol and suite. Logs one line per connection. Runs until stopped (Ctrl-C).",
        "Without --suite it accepts every suite Handshake implements: TLS 1.3 first, then TLS 1.2 with forward-secret "
            + "ones first, RSA key exchange included (the library's default leaves RSA key exchange out)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "The port; 0 picks a free one.")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--cert", required = true, paramLabel = "CHAIN.pem",
        description = "The server's certificate chain, its own first. Repeat with --key to add an ECDSA "
            + "certificate beside an RSA one.")
    private List<Path> certs;

    @Option(names = "--key", required = true, paramLabel = "KEY.pem",
        description = "The private key of the --cert at the same position: PKCS#8, PKCS#1 RSA or SEC1 EC.")
    private List<Path> keys;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}); the handshake and "
            + "each request head must arrive within twice this.")
    private int readTimeoutSeconds;

    @Option(names = "--ticket-keys", paramLabel = "FILE",
        description = "Keep the keys that encrypt TLS 1.3 session tickets in FILE (created when missing, readable by its "
            + "owner only), so every server naming the same file resumes the others' sessions. A new key every 12 hours. "
            + "Default: keys in memory, for this process only.")
    private Path ticketKeys;

    @Mixin
    private NegotiationOptions negotiation;

    @Mixin
    private ClientAuthOptions clientAuth;

    @Mixin
    private TraceOptions tracing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (certs.size() != keys.size()) {
            throw new ParameterException(spec.commandLine(), "give one --key for each --cert");
        }
        if (readTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--read-timeout must be at least 1 second");
        }
        TlsConfig config;
        List<String> notes = new ArrayList<>();
        Tracing trace;
        try {
            SecureRandom random = new SecureRandom();
            TlsConfig.Builder builder = negotiation.applyTo(TlsConfig.builder(), NegotiationOptions.everySuite())
                .random(random);
            for (int i = 0; i < certs.size(); i++) {
                builder.credential(new Credential(Pem.readCertificates(certs.get(i)), Pem.readPrivateKey(keys.get(i))));
            }
            String clientCertificates = clientAuth.applyTo(builder);
            if (clientCertificates != null) {
                notes.add(clientCertificates);
            }
            if (ticketKeys != null) {
                builder.ticketKeys(TicketKeys.file(checkedKeyFile(ticketKeys), random));
                notes.add("ticket keys: " + ticketKeys + " (shared with every server that names it)");
            }
            config = builder.build();
            trace = tracing.open(Side.SERVER, true, true, out, err);
        } catch (IOException | IllegalArgumentException e) {
            err.println("handshake serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try (trace) {
            return serve(config, notes, trace, out, err);
        } catch (IOException e) {
            err.println("handshake serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
    }

    /**
     * The ticket key file, when the engine will be able to create or read it: a failure to write it
     * later would fail a handshake, so it is found out now.
     */
    private static Path checkedKeyFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (Files.exists(file) ? !Files.isReadable(file) || !Files.isWritable(file)
                : !Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new IOException("cannot use the ticket key file " + file + ": " + (Files.exists(file)
                ? "it is not readable and writable" : "its directory does not exist or is not writable"));
        }
        return file;
    }

    private int serve(TlsConfig config, List<String> notes, Tracing trace, PrintWriter out, PrintWriter err)
            throws IOException {
        HttpsServer server;
        try {
            server = HttpsServer.start(trace.serverSocket(), InetAddress.getByName(bind), port,
                HttpsServer.traced(config, trace), Duration.ofSeconds(readTimeoutSeconds),
                line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line));
        } catch (IOException e) {
            err.println("handshake serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return Main.EXIT_NETWORK;
        }
        try {
            out.println("serving https://" + bind + ":" + server.address().getPort() + "/  (Ctrl-C stops)");
            out.println("versions: " + config.versions().stream().map(ProtocolVersion::name).collect(Collectors.joining(", ")));
            out.println("suites: " + config.cipherSuites().stream().map(CipherSuite::name).collect(Collectors.joining(", ")));
            out.println("groups: " + config.namedGroups());
            notes.forEach(out::println);
            out.flush();
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return Main.EXIT_OK;
    }
}
