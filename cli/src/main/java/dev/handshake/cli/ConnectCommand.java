package dev.handshake.cli;

import dev.handshake.cli.trace.Side;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code handshake connect}: one TLS handshake and one HTTP request, and what they negotiated. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = {"Connects to a TLS server, sends GET / and prints the response head and what was negotiated.",
        "Without --suite it offers the library's default suites: forward-secret AEAD suites only.",
        "Exit codes: 0 success, 1 TLS failure, 2 bad usage or unreadable file, 3 network error."})
final class ConnectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HOST:PORT", converter = HostPort.Converter.class, description = "The server.")
    private HostPort server;

    @Mixin
    private TrustOptions trust;

    @Mixin
    private NegotiationOptions negotiation;

    @Option(names = "--servername", paramLabel = "NAME",
        description = "The name to send as SNI and check the certificate against (default: HOST).")
    private String serverName;

    @Option(names = "--alpn", paramLabel = "PROTOCOL",
        description = "An ALPN protocol to offer (h2, http/1.1, ...); repeat for more, most preferred first.")
    private List<String> alpn = new ArrayList<>();

    @Mixin
    private TraceOptions tracing;

    @Option(names = "--false-start",
        description = "Send the request before the server's Finished (RFC 7918), with forward-secret suites.")
    private boolean falseStart;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TlsConfig config;
        Tracing trace;
        try {
            config = negotiation.applyTo(TlsConfig.builder(), TlsConfig.DEFAULT_CIPHER_SUITES)
                .certificateVerifier(trust.verifier(err))
                .applicationProtocols(alpn)
                .falseStart(falseStart)
                .build();
            trace = tracing.open(Side.CLIENT, false, out, err);
        } catch (IOException e) {
            err.println("handshake connect: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String name = serverName != null ? serverName : server.host();
        HttpsClient.Response response;
        try (trace) {
            response = HttpsClient.get(server, name, config, trace);
        } catch (TlsException e) {
            err.println("TLS failed with " + server.host() + ":" + server.port() + ": " + TlsText.failure(e));
            return Main.EXIT_TLS;
        } catch (IOException e) {
            err.println("network error with " + server.host() + ":" + server.port() + ": " + e);
            return Main.EXIT_NETWORK;
        }
        if (tracing.json()) {
            return Main.EXIT_OK;
        }
        response.head().lines().forEach(out::println);
        out.println();
        Session session = response.session();
        out.println("protocol      " + session.version());
        out.println("cipher suite  " + session.cipherSuite());
        out.println("group         " + TlsText.group(session));
        out.println("signature     " + (session.signatureScheme() != null ? session.signatureScheme().name() : "none"));
        out.println("ALPN          " + (session.applicationProtocol() != null ? session.applicationProtocol() : "none"));
        out.println("False Start   " + (session.falseStart() ? "yes" : "no"));
        out.flush();
        return Main.EXIT_OK;
    }
}
