package dev.handshake.cli;

import dev.handshake.pki.KeyPurpose;
import dev.handshake.pki.PathValidator;
import dev.handshake.pki.Pem;
import dev.handshake.pki.ServerIdentity;
import dev.handshake.pki.TrustAnchors;
import dev.handshake.pki.ValidationResult;
import dev.handshake.pki.ValidationStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handshake verify}: validates a certificate chain against trust anchors the way a TLS
 * client (or a server checking clients) does, and says why it fails. Exit 0 when valid, 1 when
 * not, 2 when the input cannot be used.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Validates a certificate chain against trust anchors (RFC 5280, RFC 9525).")
public final class VerifyCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--roots", required = true, paramLabel = "ROOTS.pem",
        description = "Trust anchors: a PEM bundle or a directory of PEM files.")
    Path roots;

    @Option(names = "--chain", required = true, paramLabel = "CHAIN.pem",
        description = "The chain as the peer sends it: its own certificate first, then intermediates in any order.")
    Path chain;

    @Option(names = "--host", paramLabel = "NAME|IP", description = "The DNS name or IP address the certificate must name.")
    String host;

    @Option(names = "--at", paramLabel = "INSTANT",
        description = "The validation time, e.g. 2025-01-01T00:00:00Z (default: now).")
    String at;

    @Option(names = "--purpose", paramLabel = "server|client", defaultValue = "server",
        description = "Validate a server certificate (serverAuth) or a client certificate (clientAuth).")
    String purpose;

    @Option(names = "--aia", description = "Download missing intermediates from caIssuers URLs (plain http).")
    boolean aia;

    @Option(names = "--explain", description = "Print every step of the validation.")
    boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PathValidator.Builder builder;
        List<X509Certificate> certificates;
        ServerIdentity identity;
        KeyPurpose keyPurpose;
        try {
            keyPurpose = switch (purpose) {
                case "server" -> KeyPurpose.SERVER_AUTH;
                case "client" -> KeyPurpose.CLIENT_AUTH;
                default -> throw new IllegalArgumentException("--purpose must be 'server' or 'client', not '" + purpose + "'");
            };
            TrustAnchors anchors = Files.isDirectory(roots) ? TrustAnchors.fromPemDirectory(roots) : TrustAnchors.fromPem(roots);
            certificates = Pem.readCertificates(chain);
            identity = host == null ? null : ServerIdentity.of(host);
            builder = PathValidator.builder(anchors).validationTime(at == null ? Instant.now() : Instant.parse(at))
                .aiaFetching(aia);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            err.println("verify: " + e.getMessage());
            return UNUSABLE_INPUT;
        }
        if (explain) {
            builder.listener(step -> out.println(render(step)));
        }
        ValidationResult result = builder.build().validate(certificates, identity, keyPurpose);
        if (explain) {
            out.println();
        }
        if (result.valid()) {
            out.println(result.message());
            return VALID;
        }
        out.println("invalid (" + result.failure() + "): " + result.message());
        return INVALID;
    }

    /** One step per line; path outcomes stand out, details are indented under the check they belong to. */
    static String render(ValidationStep step) {
        String text = step.describe();
        if (step instanceof ValidationStep.PathFound || step instanceof ValidationStep.PathAccepted
            || step instanceof ValidationStep.PathRejected) {
            return "== " + text;
        }
        return "   " + text.replace("\n", "\n   ");
    }
}
