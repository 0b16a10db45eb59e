package dev.handshake.cli;

import dev.handshake.cli.trace.Side;
import dev.handshake.pki.Pem;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Credential;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code handshake serve}: an HTTPS server that answers every request with what was negotiated. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves HTTPS (TLS 1.2, HTTP/1.1) and answers every request with 200 OK and the negotiated "
        + "protocol and suite. Logs one line per connection. Runs until stopped (Ctrl-C).",
        "Without --suite it accepts every TLS 1.2 suite Handshake implements, forward-secret ones first, "
            + "RSA key exchange included (the library's default leaves RSA key exchange out)."})
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

    @Mixin
    private NegotiationOptions negotiation;

    @Mixin
    private TraceOptions tracing;

    /** Every TLS 1.2 suite Handshake implements, forward-secret first, then in the library's order. */
    static List<CipherSuite> defaultSuites() {
        List<CipherSuite> library = TlsConfig.DEFAULT_CIPHER_SUITES;
        return NegotiationOptions.tls12Suites().stream()
            .sorted(Comparator.comparing((CipherSuite s) -> !s.keyExchange().forwardSecret())
                .thenComparing(s -> library.contains(s) ? library.indexOf(s) : library.size()))
            .toList();
    }

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
        Tracing trace;
        try {
            TlsConfig.Builder builder = negotiation.applyTo(TlsConfig.builder(), defaultSuites());
            for (int i = 0; i < certs.size(); i++) {
                builder.credential(new Credential(Pem.readCertificates(certs.get(i)), Pem.readPrivateKey(keys.get(i))));
            }
            config = builder.build();
            trace = tracing.open(Side.SERVER, true, out, err);
        } catch (IOException | IllegalArgumentException e) {
            err.println("handshake serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try (trace) {
            return serve(config, trace, out, err);
        } catch (IOException e) {
            err.println("handshake serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
    }

    private int serve(TlsConfig config, Tracing trace, PrintWriter out, PrintWriter err) throws IOException {
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
            out.println("suites: " + config.cipherSuites().stream().map(CipherSuite::name).collect(Collectors.joining(", ")));
            out.println("groups: " + config.namedGroups());
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
