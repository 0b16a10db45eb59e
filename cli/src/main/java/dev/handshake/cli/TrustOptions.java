package dev.handshake.cli;

import dev.handshake.pki.PathValidator;
import dev.handshake.pki.Pem;
import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.PkixCertificateVerifier;
import dev.handshake.pki.KeyPurpose;
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
 * {@code --trust}, {@code --pin}, {@code --aia} and {@code --insecure}: how a client decides whom to
 * trust. Without any of them the system's trust store is used, as a browser would.
 */
final class TrustOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--trust", paramLabel = "PEM",
        description = "Trust anchors: the server's chain must lead to one of the root certificates in this PEM file "
            + "(default: the system's trust store).")
    private Path trust;

    @Option(names = "--pin", paramLabel = "PEM",
        description = "Trust exactly the server certificate(s) in this PEM file, and no chain.")
    private Path pin;

    @Option(names = "--aia",
        description = "Fetch a missing intermediate certificate from the issuer URL in the server's certificate.")
    private boolean aia;

    @Option(names = "--insecure",
        description = "Accept any server certificate. Anyone on the path can then read and change the traffic.")
    private boolean insecure;

    /** The verifier the options ask for; warns on {@code err} when it checks nothing. */
    CertificateVerifier verifier(PrintWriter err) throws IOException {
        int chosen = (trust != null ? 1 : 0) + (pin != null ? 1 : 0) + (insecure ? 1 : 0);
        if (chosen > 1) {
            throw new ParameterException(spec.commandLine(), "--trust, --pin and --insecure exclude each other");
        }
        if (insecure) {
            err.println("WARNING: --insecure: the server's certificate is NOT checked; "
                + "anyone on the path can impersonate the server, read and change the traffic.");
            return CertificateVerifier.INSECURE_ACCEPT_ANY;
        }
        if (pin != null) {
            return CertificateVerifier.pinned(Pem.readCertificates(pin));
        }
        TrustAnchors anchors = trust != null ? TrustAnchors.fromPem(trust) : TrustAnchors.system();
        return anchored(anchors, aia);
    }

    /** A verifier of servers whose chains lead to these roots; {@code aia} fetches missing intermediates. */
    static CertificateVerifier anchored(TrustAnchors anchors, boolean aia) {
        return new PkixCertificateVerifier(PathValidator.builder(anchors).aiaFetching(aia).build(),
            KeyPurpose.SERVER_AUTH);
    }

    /** A verifier that trusts these root certificates. */
    static CertificateVerifier trusting(List<X509Certificate> roots) {
        return anchored(TrustAnchors.of(roots), false);
    }
}
