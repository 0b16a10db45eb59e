package dev.handshake.cli;

import dev.handshake.cli.explain.Style;
import dev.handshake.cli.trace.Names;
import dev.handshake.cli.trace.Side;
import dev.handshake.cli.trace.Summary;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code handshake demo}: a throwaway PKI, the {@code serve} server on a loopback port, and one
 * explained handshake per TLS 1.2 key exchange and one TLS 1.3 handshake against it; then a
 * summary table, and a report and a capture of the handshakes on disk.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs TLS handshakes on this machine (127.0.0.1 only), one per TLS 1.2 key exchange and one TLS 1.3, "
        + "explains each step, then writes an HTML report per handshake and one capture of them all.")
final class DemoCommand implements Callable<Integer> {

    /** One handshake of the demo: what the client offers. */
    private record Run(String title, String note, String file, List<ProtocolVersion> versions, CipherSuite suite,
                       NamedGroup group, boolean falseStart) {
    }

    private static final List<Run> TLS12_RUNS = List.of(
        new Run("RSA key exchange",
            "The client encrypts the pre-master secret to the server's RSA key. Nothing is signed.", "1-rsa",
            List.of(ProtocolVersion.TLS12), CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, null, false),
        new Run("DHE: finite-field Diffie-Hellman, signed with RSA",
            "Both sides make a fresh key share in an RFC 7919 group; the server signs its share.", "2-dhe",
            List.of(ProtocolVersion.TLS12), CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.FFDHE2048, false),
        new Run("ECDHE: elliptic-curve Diffie-Hellman, signed with RSA",
            "The same idea on the x25519 curve: smaller shares, faster.", "3-ecdhe",
            List.of(ProtocolVersion.TLS12), CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.X25519, false),
        new Run("ECDHE with False Start (RFC 7918)",
            "The client sends its request right after its own Finished, before the server's: one round trip less.",
            "4-false-start", List.of(ProtocolVersion.TLS12), CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            NamedGroup.X25519, true));

    /** The TLS 1.3 handshake: the key share goes with the hello, and everything after ServerHello is encrypted. */
    private static final List<Run> TLS13_RUNS = List.of(
        new Run("TLS 1.3: one round trip, encrypted after ServerHello",
            "The client sends its x25519 key share with its hello; the server answers with its own and encrypts the rest.",
            "5-tls13", List.of(ProtocolVersion.TLS13), CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519, false));

    private static final List<Run> RUNS = Stream.concat(TLS12_RUNS.stream(), TLS13_RUNS.stream()).toList();

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where to write the reports and the capture (default: a new temporary directory).")
    private Path directory;

    @Option(names = {"--no-color", "--no-colour"}, description = "No colours, even on a terminal.")
    private boolean noColour;

    @Override
    public Integer call() throws GeneralSecurityException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("handshake-demo-");
        Style style = Style.forTerminal(noColour);
        out.println(style.bold("Handshake demo: " + RUNS.size() + " TLS handshakes on 127.0.0.1, each explained step by step."));
        out.println();
        DemoPki pki = DemoPki.generate(Instant.now());
        out.println("Certificates, made now and thrown away at exit (root \u2192 intermediate \u2192 server):");
        describe(out, "root CA", pki.root());
        describe(out, "intermediate", pki.intermediate());
        describe(out, "server", pki.rsaServer().certificate());
        TlsConfig serverConfig = TlsConfig.builder()
            .cipherSuites(NegotiationOptions.everySuite())
            .credential(pki.rsaServer())
            .build();
        // The client trusts the demo's root, as a browser trusts the roots it ships with.
        CertificateVerifier trust = TrustOptions.trusting(List.of(pki.root()));
        Tracing.Settings settings = new Tracing.Settings(true, false, style, dir.resolve("handshakes.keys"),
            dir.resolve("handshakes.pcap"), n -> dir.resolve(RUNS.get(n - 1).file() + ".html"), false);
        List<String[]> table = new ArrayList<>();
        try (Tracing tracing = Tracing.open(Side.CLIENT, settings, out, out);
             HttpsServer server = HttpsServer.start(new ServerSocket(), InetAddress.getByName("127.0.0.1"), 0,
                 HttpsServer.traced(serverConfig, Tracing.none(Side.SERVER, out, out)), Duration.ofSeconds(10), line -> { })) {
            HostPort address = new HostPort("127.0.0.1", server.address().getPort());
            out.println("Server: https://127.0.0.1:" + address.port() + "/, the same server 'handshake serve' runs.");
            for (int i = 0; i < RUNS.size(); i++) {
                Run run = RUNS.get(i);
                out.println();
                out.println(style.bold("[" + (i + 1) + "/" + RUNS.size() + "] " + run.title()));
                out.println("    " + run.note());
                out.flush();
                table.add(handshake(out, address, run, trust, tracing));
            }
            out.println();
            printTable(out, style, table);
            out.println();
        }
        long failures = table.stream().filter(row -> row[1].equals("FAILED")).count();
        out.println();
        out.println(failures == 0 ? "All " + RUNS.size() + " handshakes succeeded. Open a report in a browser, or the "
            + "capture in Wireshark with the key log." : failures + " handshake(s) failed.");
        out.flush();
        return failures == 0 ? Main.EXIT_OK : Main.EXIT_TLS;
    }

    /** One explained handshake; returns its row of the summary table. */
    private static String[] handshake(PrintWriter out, HostPort address, Run run, CertificateVerifier trust, Tracing tracing) {
        TlsConfig.Builder client = TlsConfig.builder()
            .versions(run.versions())
            .cipherSuites(List.of(run.suite()))
            .certificateVerifier(trust)
            .falseStart(run.falseStart());
        if (run.group() != null) {
            client.namedGroups(List.of(run.group()));
        }
        HttpsClient.Response response;
        try {
            response = HttpsClient.get(address, "localhost", client.build(), tracing, false);
        } catch (TlsException e) {
            out.println("    FAILED: " + TlsText.failure(e));
            return new String[] {run.title(), "FAILED", "", "", run.suite().name()};
        } catch (IOException e) {
            out.println("    FAILED: " + e);
            return new String[] {run.title(), "FAILED", "", "", run.suite().name()};
        }
        out.println("    HTTP: " + response.head().startLine());
        Summary summary = response.summary();
        return new String[] {run.title(), String.valueOf(summary.handshakeMessages()), String.valueOf(summary.roundTrips()),
            summary.forwardSecret() ? "yes" : "no", response.session().cipherSuite().name()};
    }

    private static void printTable(PrintWriter out, Style style, List<String[]> rows) {
        String format = "%-54s %-9s %-12s %-16s %s%n";
        out.print(style.bold(String.format(format, "handshake", "messages", "round trips", "forward secrecy", "suite")));
        for (String[] row : rows) {
            out.printf(format, (Object[]) row);
        }
    }

    private static void describe(PrintWriter out, String role, X509Certificate certificate) {
        String issuer = certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
            ? "self-signed" : "issued by " + Names.issuer(certificate);
        out.printf("    %-14s %s, %s, %s%n", role, Names.subject(certificate), Names.key(certificate.getPublicKey()), issuer);
    }
}
