package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.pki.CertificateBuilder;
import dev.handshake.pki.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final String AT = CertificateBuilder.NOW.toString();

    @TempDir
    Path dir;

    private Path roots;
    private Path chain;
    private final StringWriter output = new StringWriter();

    @BeforeEach
    void writeFiles() throws IOException {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=CLI Root").build();
        CertificateBuilder.Issued intermediate = CertificateBuilder.ca("CN=CLI Intermediate").issuedBy(root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(intermediate).build();
        roots = Files.writeString(dir.resolve("roots.pem"), Pem.encode("CERTIFICATE", root.der()));
        chain = Files.writeString(dir.resolve("chain.pem"),
            Pem.encode("CERTIFICATE", leaf.der()) + Pem.encode("CERTIFICATE", intermediate.der()));
    }

    private int run(String... args) {
        PrintWriter writer = new PrintWriter(output, true);
        return new CommandLine(new VerifyCommand()).setOut(writer).setErr(writer).execute(args);
    }

    @Test
    void exitsZeroForAValidChain() {
        int status = run("--roots", roots.toString(), "--chain", chain.toString(), "--host", "example.com", "--at", AT);
        assertThat(status).as(output.toString()).isZero();
        assertThat(output.toString()).contains("valid: 'CN=example.com' \u2190 'CN=CLI Intermediate' \u2190 'CN=CLI Root'");
    }

    @Test
    void exitsOneAndSaysWhyForAnInvalidChain() {
        int status = run("--roots", roots.toString(), "--chain", chain.toString(), "--host", "example.org", "--at", AT);
        assertThat(status).isEqualTo(1);
        assertThat(output.toString()).contains("invalid (NAME_MISMATCH)").contains("not for 'example.org'");
        assertThat(run("--roots", roots.toString(), "--chain", chain.toString(), "--at", "2030-01-01T00:00:00Z"))
            .isEqualTo(1);
        assertThat(output.toString()).contains("EXPIRED");
        assertThat(run("--roots", roots.toString(), "--chain", chain.toString(), "--at", AT, "--purpose", "client"))
            .isEqualTo(1);
    }

    @Test
    void exitsTwoForUnusableInput() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(run("--roots", roots.toString(), "--chain", junk.toString())).isEqualTo(2);
        assertThat(output.toString()).contains("junk.pem");
        assertThat(run("--roots", dir.resolve("missing.pem").toString(), "--chain", chain.toString())).isEqualTo(2);
        assertThat(run("--roots", roots.toString(), "--chain", chain.toString(), "--at", "yesterday")).isEqualTo(2);
        assertThat(run("--roots", roots.toString(), "--chain", chain.toString(), "--purpose", "both")).isEqualTo(2);
        assertThat(run("--roots", roots.toString(), "--chain", chain.toString(), "--host", "bad host")).isEqualTo(2);
    }

    @Test
    void explainsTheChainOfTrust() {
        int status = run("--roots", roots.toString(), "--chain", chain.toString(), "--host", "example.com", "--at", AT,
            "--explain");
        assertThat(status).isZero();
        assertThat(output.toString())
            .contains("'CN=example.com' was signed by 'CN=CLI Intermediate' with sha256WithRSAEncryption: signature matches")
            .contains("SHA-256 of tbsCertificate")
            .contains("== path accepted");
    }

    @Test
    void acceptsADirectoryOfRoots() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.copy(roots, certs.resolve("root.pem"));
        assertThat(run("--roots", certs.toString(), "--chain", chain.toString(), "--at", AT)).isZero();
    }
}
