package dev.handshake.cli;

import dev.handshake.pki.Pem;
import dev.handshake.tls.Credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** The demo's certificates, made once per test run, written as PEM files where a test wants them. */
record TestPki(Path root, Path rsaChain, Path rsaKey, Path rsaCert, Path ecChain, Path ecKey, Path ecCert) {

    private static final DemoPki PKI = generate();

    /** Writes the root, chains (leaf then intermediate), leaf certificates and PKCS#8 keys into {@code dir}. */
    static TestPki writeTo(Path dir) throws IOException {
        return new TestPki(
            write(dir.resolve("root.pem"), pem(PKI.root())),
            write(dir.resolve("rsa-chain.pem"), pem(PKI.rsaServer())),
            write(dir.resolve("rsa-key.pem"), Pem.encode("PRIVATE KEY", PKI.rsaServer().privateKey().getEncoded())),
            write(dir.resolve("rsa-cert.pem"), pem(PKI.rsaServer().certificate())),
            write(dir.resolve("ec-chain.pem"), pem(PKI.ecServer())),
            write(dir.resolve("ec-key.pem"), Pem.encode("PRIVATE KEY", PKI.ecServer().privateKey().getEncoded())),
            write(dir.resolve("ec-cert.pem"), pem(PKI.ecServer().certificate())));
    }

    private static String pem(Credential credential) {
        StringBuilder text = new StringBuilder();
        credential.chain().forEach(certificate -> text.append(pem(certificate)));
        return text.toString();
    }

    private static String pem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }

    private static DemoPki generate() {
        try {
            return DemoPki.generate(Instant.now());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
