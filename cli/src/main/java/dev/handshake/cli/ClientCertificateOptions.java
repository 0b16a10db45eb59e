package dev.handshake.cli;

import dev.handshake.pki.Pem;
import dev.handshake.tls.Credential;
import dev.handshake.tls.TlsConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/** {@code connect --client-cert} and {@code --client-key}: the certificate a client shows when the server asks. */
final class ClientCertificateOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--client-cert", paramLabel = "CHAIN.pem",
        description = "A client certificate chain, its own first, sent when the server asks for one.")
    private Path chain;

    @Option(names = "--client-key", paramLabel = "KEY.pem",
        description = "The private key of --client-cert: PKCS#8, PKCS#1 RSA or SEC1 EC.")
    private Path key;

    /** Adds the client certificate to {@code builder}, if one was given. */
    TlsConfig.Builder applyTo(TlsConfig.Builder builder) throws IOException {
        if ((chain == null) != (key == null)) {
            throw new ParameterException(spec.commandLine(), "--client-cert and --client-key go together");
        }
        if (chain != null) {
            builder.credential(new Credential(Pem.readCertificates(chain), Pem.readPrivateKey(key)));
        }
        return builder;
    }
}
