package dev.handshake.cli;

import dev.handshake.pki.Pem;
import dev.handshake.tls.CertificateVerifier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@code --trust} and {@code --insecure}: how a client decides whom to trust. {@link #trusting}
 * is the one place where certificates become a verifier, for every command.
 */
final class TrustOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--trust", paramLabel = "PEM",
        description = "Trust the server whose certificate is in this PEM file.")
    private Path trust;

    @Option(names = "--insecure",
        description = "Accept any server certificate. Anyone on the path can then read and change the traffic.")
    private boolean insecure;

    /** The verifier the options ask for; warns on {@code err} when it checks nothing. */
    CertificateVerifier verifier(PrintWriter err) throws IOException {
        if (trust != null && insecure) {
            throw new ParameterException(spec.commandLine(), "--trust and --insecure exclude each other");
        }
        if (insecure) {
            err.println("WARNING: --insecure: the server's certificate is NOT checked; "
                + "anyone on the path can impersonate the server, read and change the traffic.");
            return CertificateVerifier.INSECURE_ACCEPT_ANY;
        }
        if (trust == null) {
            throw new ParameterException(spec.commandLine(), "whom should the client trust? Pass --trust PEM "
                + "with the server's certificate (or, for a test only, --insecure)");
        }
        return trusting(Pem.readCertificates(trust));
    }

    /** A verifier that trusts these certificates: for now, as pins of the server's own certificate. */
    static CertificateVerifier trusting(List<X509Certificate> certificates) {
        return CertificateVerifier.pinned(certificates);
    }
}
