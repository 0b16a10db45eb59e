package dev.handshake.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code certs} writes a hierarchy that {@code serve}, {@code connect} and {@code verify} accept. */
@Timeout(120)
class CertsCommandTest {

    @TempDir
    Path dir;

    @Test
    void anRsaHierarchyServesAndVerifies() throws Exception {
        Cli certs = Cli.run("certs", "--out", dir.toString());

        assertThat(certs.exitCode()).as(certs.all()).isZero();
        assertThat(certs.out()).contains("for localhost, 127.0.0.1", "./handshake serve --port 8443 --cert " + dir.resolve("chain.pem"));
        for (String name : new String[] {"root.pem", "root-key.pem", "intermediate.pem", "intermediate-key.pem", "leaf.pem",
            "chain.pem", "key.pem"}) {
            assertThat(dir.resolve(name)).isNotEmptyFile();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");
        Cli verify = Cli.run("verify", "--roots", dir.resolve("root.pem").toString(), "--chain", dir.resolve("chain.pem").toString(),
            "--host", "localhost");
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        try (RunningServe serve = RunningServe.start("--cert", dir.resolve("chain.pem").toString(),
                "--key", dir.resolve("key.pem").toString())) {
            Cli rsa = Cli.run("connect", serve.address(), "--trust", dir.resolve("root.pem").toString(),
                "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(rsa.exitCode()).as(rsa.all()).isZero();
            assertThat(rsa.out()).contains("HTTP/1.1 200 OK");
        }
    }

    @Test
    void anEcdsaLeafForTheGivenHosts() throws Exception {
        Cli certs = Cli.run("certs", "--out", dir.toString(), "--key", "ecdsa", "--host", "127.0.0.1", "--host", "example.test");

        assertThat(certs.exitCode()).as(certs.all()).isZero();
        try (RunningServe serve = RunningServe.start("--cert", dir.resolve("chain.pem").toString(),
                "--key", dir.resolve("key.pem").toString())) {
            Cli connect = Cli.run("connect", serve.address(), "--trust", dir.resolve("root.pem").toString(), "--explain");
            assertThat(connect.exitCode()).as(connect.all()).isZero();
            assertThat(connect.out()).contains("TLS_ECDHE_ECDSA_", "key        EC P-256", "names      127.0.0.1, example.test");
        }
        Cli wrongName = Cli.run("verify", "--roots", dir.resolve("root.pem").toString(), "--chain",
            dir.resolve("chain.pem").toString(), "--host", "localhost");
        assertThat(wrongName.exitCode()).isEqualTo(1);
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        Files.writeString(dir.resolve("key.pem"), "mine");

        Cli certs = Cli.run("certs", "--out", dir.toString());

        assertThat(certs.exitCode()).isEqualTo(2);
        assertThat(certs.err()).contains("key.pem exists");
        assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo("mine");
    }
}
