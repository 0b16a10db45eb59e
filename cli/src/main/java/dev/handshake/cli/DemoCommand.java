package dev.handshake.cli;

import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code handshake demo}: a throwaway PKI, the {@code serve} server on a loopback port, and one
 * handshake per key exchange against it, each explained.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs one TLS 1.2 handshake per key exchange on this machine (127.0.0.1 only) "
        + "and says what each one negotiated.")
final class DemoCommand implements Callable<Integer> {

    /** One handshake of the demo: what the client offers, and what it shows. */
    private record Run(String title, String note, CipherSuite suite, NamedGroup group, boolean falseStart) {
    }

    private static final List<Run> RUNS = List.of(
        new Run("RSA key exchange",
            "The client encrypts the premaster secret to the server's RSA key. Nothing is signed.",
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, null, false),
        new Run("DHE: finite-field Diffie-Hellman, signed with RSA",
            "Both sides make a fresh key share in an RFC 7919 group; the server signs its share.",
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.FFDHE2048, false),
        new Run("ECDHE: elliptic-curve Diffie-Hellman, signed with RSA",
            "The same idea on the x25519 curve: smaller shares, faster.",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.X25519, false),
        new Run("ECDHE, signed with ECDSA",
            "The same key exchange; the server authenticates with its ECDSA P-256 certificate instead.",
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, NamedGroup.SECP256R1, false),
        new Run("ECDHE with False Start (RFC 7918)",
            "The client sends its request right after its own Finished, before the server's: one round trip less.",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.X25519, true));

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws GeneralSecurityException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Handshake demo: " + RUNS.size() + " TLS 1.2 handshakes on 127.0.0.1, one per key exchange.");
        out.println();
        DemoPki pki = DemoPki.generate(Instant.now());
        out.println("Certificates, made now and thrown away at exit:");
        describe(out, "root CA", pki.root());
        describe(out, "intermediate", pki.intermediate());
        describe(out, "server (RSA)", pki.rsaServer().certificate());
        describe(out, "server (EC)", pki.ecServer().certificate());
        TlsConfig serverConfig = TlsConfig.builder()
            .cipherSuites(ServeCommand.defaultSuites())
            .credential(pki.rsaServer())
            .credential(pki.ecServer())
            .build();
        // The client trusts the demo's root, as a browser trusts the roots it ships with.
        CertificateVerifier trust = TrustOptions.trusting(List.of(pki.root()));
        int failures = 0;
        try (HttpsServer server = HttpsServer.start(new java.net.ServerSocket(), InetAddress.getByName("127.0.0.1"), 0,
                HttpsServer.traced(serverConfig, Tracing.none(dev.handshake.cli.trace.Side.SERVER, out, out)),
                Duration.ofSeconds(10), line -> field(out, "server log", line))) {
            HostPort address = new HostPort("127.0.0.1", server.address().getPort());
            out.println();
            out.println("Server: https://127.0.0.1:" + address.port() + "/, the same server 'handshake serve' runs.");
            for (int i = 0; i < RUNS.size(); i++) {
                Run run = RUNS.get(i);
                out.println();
                out.println("[" + (i + 1) + "/" + RUNS.size() + "] " + run.title());
                out.println("  " + run.note());
                out.flush();
                failures += handshake(out, address, run, trust) ? 0 : 1;
            }
        }
        out.println();
        out.println(failures == 0 ? "All " + RUNS.size() + " handshakes succeeded." : failures + " handshake(s) failed.");
        out.flush();
        return failures == 0 ? Main.EXIT_OK : Main.EXIT_TLS;
    }

    private static boolean handshake(PrintWriter out, HostPort address, Run run, CertificateVerifier trust) {
        TlsConfig.Builder client = TlsConfig.builder()
            .cipherSuites(List.of(run.suite()))
            .certificateVerifier(trust)
            .falseStart(run.falseStart());
        if (run.group() != null) {
            client.namedGroups(List.of(run.group()));
        }
        HttpsClient.Response response;
        try {
            response = HttpsClient.get(address, "localhost", client.build(), Tracing.none(dev.handshake.cli.trace.Side.CLIENT, out, out));
        } catch (TlsException e) {
            field(out, "FAILED", TlsText.failure(e));
            return false;
        } catch (IOException e) {
            field(out, "FAILED", e.toString());
            return false;
        }
        Session session = response.session();
        field(out, "suite", session.cipherSuite().name());
        field(out, "reads as", TlsText.anatomy(session.cipherSuite()));
        field(out, "group", TlsText.group(session));
        field(out, "signature", session.signatureScheme() != null ? session.signatureScheme().name() : "none");
        field(out, "forward secrecy", session.forwardSecret()
            ? "yes: the key shares were thrown away; a stolen server key cannot decrypt a recording"
            : "no: whoever obtains the server's RSA key can decrypt a recording of this connection");
        field(out, "False Start", session.falseStart() ? "yes" : "no");
        field(out, "HTTP", response.head().startLine());
        return true;
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("  %-16s %s%n", name, value);
    }

    private static void describe(PrintWriter out, String role, X509Certificate certificate)
            throws CertificateParsingException {
        String issuer = certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
            ? "self-signed" : "issued by " + certificate.getIssuerX500Principal().getName();
        Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
        String names = alternativeNames == null ? ""
            : ", for " + alternativeNames.stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.joining(" and "));
        field(out, role, certificate.getSubjectX500Principal().getName() + ", " + key(certificate.getPublicKey())
            + ", " + issuer + names);
    }

    private static String key(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "ECDSA " + ec.getParams().getCurve().getField().getFieldSize() + "-bit";
        }
        return key.getAlgorithm();
    }
}
