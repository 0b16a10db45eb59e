package dev.handshake.cli;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.PkixCertificateVerifier;
import dev.handshake.tls.TlsConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/** {@code serve --require-client-cert}, {@code --request-client-cert} and {@code --client-ca}: asking clients for certificates. */
final class ClientAuthOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--require-client-cert",
        description = "Ask every client for a certificate issued under --client-ca, and refuse clients without one.")
    private boolean require;

    @Option(names = "--request-client-cert",
        description = "Ask every client for a certificate issued under --client-ca; a client without one is served too.")
    private boolean request;

    @Option(names = "--client-ca", paramLabel = "ROOTS.pem",
        description = "The root certificates client certificates must lead to.")
    private Path roots;

    /** Makes {@code builder} ask for client certificates when the options say so; returns a line for the start-up log, or null. */
    String applyTo(TlsConfig.Builder builder) throws IOException {
        if (require && request) {
            throw new ParameterException(spec.commandLine(), "--require-client-cert and --request-client-cert exclude each other");
        }
        if ((require || request) != (roots != null)) {
            throw new ParameterException(spec.commandLine(), roots == null
                ? "--require-client-cert and --request-client-cert need --client-ca ROOTS.pem to check certificates against"
                : "--client-ca is only used with --require-client-cert or --request-client-cert");
        }
        if (roots == null) {
            return null;
        }
        builder.clientAuth(require ? TlsConfig.ClientAuth.REQUIRED : TlsConfig.ClientAuth.OPTIONAL,
            PkixCertificateVerifier.forClients(TrustAnchors.fromPem(roots)));
        return "client certificates: " + (require ? "required" : "requested (optional)") + ", checked against " + roots;
    }
}
