package dev.handshake.cli;

import dev.handshake.cli.CertificateMaker.Issued;
import dev.handshake.pki.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code handshake certs}: a root CA, an intermediate CA and a server certificate, as PEM files. */
@Command(name = "certs", mixinStandardHelpOptions = true,
    description = {"Writes a certificate hierarchy for serve, connect and verify: a root CA, an intermediate CA "
        + "and a server certificate for the --host names, with their keys, as PEM files. Existing files are "
        + "never overwritten.",
        "Files: root.pem, root-key.pem, intermediate.pem, intermediate-key.pem, leaf.pem, chain.pem (leaf, then "
            + "intermediate), key.pem (the leaf's key)."})
final class CertsCommand implements Callable<Integer> {

    /** What the key option accepts. */
    enum KeyType { rsa, ecdsa }

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write into (created if missing).")
    private Path out;

    @Option(names = "--key", paramLabel = "rsa|ecdsa", defaultValue = "rsa",
        description = "The server's key: RSA 2048 or ECDSA P-256 (default: ${DEFAULT-VALUE}). The CAs use RSA 2048.")
    private KeyType key;

    @Option(names = "--host", paramLabel = "NAME",
        description = "A DNS name or IP address for the server certificate; repeat for more (default: localhost and 127.0.0.1).")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "30",
        description = "How long the certificates are valid (default: ${DEFAULT-VALUE}).")
    private int days;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> names = hosts.isEmpty() ? List.of("localhost", "127.0.0.1") : hosts;
        if (days < 1) {
            err.println("handshake certs: --days must be at least 1");
            return Main.EXIT_USAGE;
        }
        try {
            CertificateMaker maker = new CertificateMaker(Instant.now(), Duration.ofDays(days));
            Issued root = maker.issue(null, maker.rsa(), "CN=Handshake Root CA", CertificateMaker.ca(-1));
            Issued intermediate = maker.issue(root, maker.rsa(), "CN=Handshake Intermediate CA", CertificateMaker.ca(0));
            KeyPair keys = key == KeyType.rsa ? maker.rsa() : maker.ec();
            Issued leaf = maker.issue(intermediate, keys, "CN=" + names.get(0), CertificateMaker.server(keys, names));
            Files.createDirectories(out);
            write("root.pem", pem(root.certificate()), false);
            write("root-key.pem", key(root), true);
            write("intermediate.pem", pem(intermediate.certificate()), false);
            write("intermediate-key.pem", key(intermediate), true);
            write("leaf.pem", pem(leaf.certificate()), false);
            write("chain.pem", pem(leaf.certificate()) + pem(intermediate.certificate()), false);
            write("key.pem", key(leaf), true);
        } catch (FileAlreadyExistsException e) {
            err.println("handshake certs: " + e.getFile() + " exists; certs never overwrites a file");
            return Main.EXIT_USAGE;
        } catch (IOException | GeneralSecurityException e) {
            err.println("handshake certs: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        stdout.println("Wrote a root CA, an intermediate CA and a " + key + " server certificate for "
            + String.join(", ", names) + " into " + out + ", valid for " + days + " days.");
        stdout.println("Try:");
        stdout.println("  ./handshake serve --port 8443 --cert " + out.resolve("chain.pem") + " --key " + out.resolve("key.pem"));
        stdout.println("  ./handshake connect " + (names.get(0).contains(":") ? "[" + names.get(0) + "]" : names.get(0))
            + ":8443 --trust " + out.resolve("root.pem") + " --explain");
        stdout.println("  ./handshake verify --roots " + out.resolve("root.pem") + " --chain " + out.resolve("chain.pem")
            + " --host " + names.get(0) + " --explain");
        stdout.flush();
        return Main.EXIT_OK;
    }

    private void write(String name, String text, boolean secret) throws IOException {
        Path file = out.resolve(name);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Readable by the owner only from the moment it exists.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return Pem.encode("CERTIFICATE", certificate.getEncoded());
    }

    private static String key(Issued issued) {
        return Pem.encode("PRIVATE KEY", issued.keys().getPrivate().getEncoded());
    }
}
