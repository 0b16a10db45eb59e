package dev.handshake.cli;

import dev.handshake.cli.trace.Side;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code handshake connect}: a TLS handshake and an HTTP request (or a few, to resume), and what they negotiated. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = {"Connects to a TLS server, sends GET / and prints the response head and what was negotiated.",
        "Offers TLS 1.3 and 1.2 (TLS 1.3 preferred); without --suite the library's default suites: TLS 1.3, then "
            + "forward-secret AEAD suites of TLS 1.2.",
        "Exit codes: 0 success, 1 TLS failure, 2 bad usage or unreadable file, 3 network error."})
final class ConnectCommand implements Callable<Integer> {

    /** The most --reconnect connections made. */
    private static final int MAX_RECONNECTS = 100;

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
    private ClientCertificateOptions clientCertificate;

    @Mixin
    private TraceOptions tracing;

    @Option(names = "--false-start",
        description = "TLS 1.2: send the request before the server's Finished (RFC 7918), with forward-secret suites.")
    private boolean falseStart;

    @Option(names = "--reconnect", paramLabel = "N", defaultValue = "0",
        description = "Then make N more connections with the same configuration, each offering a session ticket the "
            + "connections before received, and say for each whether it resumed (like openssl s_client -reconnect).")
    private int reconnect;

    @Option(names = "--key-update",
        description = "TLS 1.3: after the handshake, send a KeyUpdate that asks the server to update its keys too, "
            + "then the request.")
    private boolean keyUpdate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reconnect < 0 || reconnect > MAX_RECONNECTS) {
            throw new ParameterException(spec.commandLine(), "--reconnect takes 0 to " + MAX_RECONNECTS);
        }
        TlsConfig config;
        Tracing trace;
        try {
            TlsConfig.Builder builder = negotiation.applyTo(TlsConfig.builder(), TlsConfig.DEFAULT_CIPHER_SUITES)
                .certificateVerifier(trust.verifier(err))
                .applicationProtocols(alpn)
                .falseStart(falseStart);
            config = clientCertificate.applyTo(builder).build();
            trace = tracing.open(Side.CLIENT, false, reconnect > 0, out, err);
        } catch (IOException | IllegalArgumentException e) {
            err.println("handshake connect: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String name = serverName != null ? serverName : server.host();
        int connection = 0;
        try (trace) {
            HttpsClient.Response first = HttpsClient.get(server, name, config, trace, keyUpdate);
            if (!tracing.json()) {
                print(out, first, config);
            }
            for (connection = 1; connection <= reconnect; connection++) {
                HttpsClient.Response again = HttpsClient.get(server, name, config, trace, keyUpdate);
                if (!tracing.json()) {
                    out.println("reconnect " + connection + ": " + resumption(again) + "; " + again.head().startLine());
                    out.flush();
                }
            }
        } catch (TlsException e) {
            err.println(prefix(connection) + "TLS failed with " + server.host() + ":" + server.port() + ": "
                + TlsText.failure(e));
            return Main.EXIT_TLS;
        } catch (IOException e) {
            err.println(prefix(connection) + "network error with " + server.host() + ":" + server.port() + ": " + e);
            return Main.EXIT_NETWORK;
        }
        return Main.EXIT_OK;
    }

    private static String prefix(int connection) {
        return connection == 0 ? "" : "reconnect " + connection + ": ";
    }

    private void print(PrintWriter out, HttpsClient.Response response, TlsConfig config) {
        response.head().lines().forEach(out::println);
        out.println();
        Session session = response.session();
        ConnectionFacts facts = response.facts();
        boolean tls13 = ProtocolVersion.TLS13.equals(session.version());
        out.println("protocol      " + session.version());
        out.println("cipher suite  " + session.cipherSuite());
        out.println("group         " + TlsText.group(session));
        out.println("signature     " + TlsText.signature(session));
        out.println("ALPN          " + (session.applicationProtocol() != null ? session.applicationProtocol() : "none"));
        out.println("False Start   " + (session.falseStart() ? "yes" : "no"));
        out.println("resumed       " + (session.resumed() ? "yes, from a session ticket" : "no"));
        if (tls13) {
            out.println("tickets       " + facts.ticketsReceived() + " received, for resuming later");
        }
        out.println("client cert   " + clientCertificate(facts, session, config));
        if (keyUpdate) {
            out.println("key update    " + (!response.keyUpdateSent() ? "not sent: TLS 1.2 has no KeyUpdate"
                : facts.keyUpdatesReceived() > 0 ? "sent (update_requested); the server updated its keys too"
                : "sent (update_requested); no KeyUpdate from the server before its response"));
        }
        out.flush();
    }

    private static String clientCertificate(ConnectionFacts facts, Session session, TlsConfig config) {
        if (!facts.certificateRequested()) {
            return "not asked for";
        }
        if (facts.clientCertificateSent(session.version())) {
            return "sent " + config.credentials().get(0).certificate().getSubjectX500Principal().getName()
                + ", the server asked for one";
        }
        return "none sent: the server asked for one, and " + (config.credentials().isEmpty()
            ? "no --client-cert was given" : "the --client-cert does not fit what it accepts");
    }

    /** Whether a reconnection resumed, or why not. */
    static String resumption(HttpsClient.Response response) {
        Session session = response.session();
        if (session.resumed()) {
            return "resumed (" + session.version() + ", " + session.cipherSuite() + ", " + TlsText.group(session) + ")";
        }
        if (!ProtocolVersion.TLS13.equals(session.version())) {
            return "not resumed: " + session.version() + " has no resumption here (Handshake resumes TLS 1.3 sessions)";
        }
        return response.facts().ticketOffered()
            ? "not resumed: the server did a full handshake (it did not accept the ticket)"
            : "not resumed: no ticket was received";
    }
}
