package dev.handshake.pki;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where operating systems keep their CA bundle, in the order OpenSSL's defaults and Go's
 * crypto/x509 (root_linux.go, root_bsd.go) look; on macOS the system's /etc/ssl/cert.pem and
 * Homebrew's OpenSSL bundles stand in for the keychain.
 */
final class SystemTrustStore {

    /** Single-file bundles, first found wins. */
    static final List<String> FILES = List.of(
        "/etc/ssl/certs/ca-certificates.crt",                // Debian, Ubuntu, Gentoo, Arch
        "/etc/pki/tls/certs/ca-bundle.crt",                  // Fedora, RHEL 6
        "/etc/ssl/ca-bundle.pem",                            // openSUSE
        "/etc/pki/tls/cacert.pem",                           // OpenELEC
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS, RHEL 7
        "/etc/ssl/cert.pem",                                 // Alpine, macOS, FreeBSD, OpenBSD
        "/usr/local/etc/ssl/cert.pem",                       // FreeBSD ports
        "/usr/local/share/certs/ca-root-nss.crt",            // FreeBSD
        "/opt/homebrew/etc/openssl@3/cert.pem",              // macOS, Homebrew OpenSSL (Apple silicon)
        "/usr/local/etc/openssl@3/cert.pem",                 // macOS, Homebrew OpenSSL (Intel)
        "/usr/local/etc/openssl/cert.pem");                  // macOS, older Homebrew OpenSSL

    /** Directories of PEM files, tried when no bundle file is found. */
    static final List<String> DIRECTORIES = List.of(
        "/etc/ssl/certs",
        "/etc/pki/tls/certs",
        "/system/etc/security/cacerts");

    private SystemTrustStore() {
    }

    static TrustAnchors load(Map<String, String> environment) throws IOException {
        return load(environment, FILES, DIRECTORIES);
    }

    /** SSL_CERT_FILE and SSL_CERT_DIR (a path list) override the default locations, as in OpenSSL. */
    static TrustAnchors load(Map<String, String> environment, List<String> files, List<String> directories)
        throws IOException {
        String file = environment.get("SSL_CERT_FILE");
        String dirs = environment.get("SSL_CERT_DIR");
        if (file != null || dirs != null) {
            List<String> chosenFiles = file != null ? List.of(file) : List.of();
            List<String> chosenDirs = dirs != null ? List.of(dirs.split(File.pathSeparator)) : List.of();
            return first(chosenFiles, chosenDirs);
        }
        return first(files, directories);
    }

    private static TrustAnchors first(List<String> files, List<String> directories) throws IOException {
        for (String file : files) {
            Path path = Path.of(file);
            if (Files.isRegularFile(path) && !TrustAnchors.readLeniently(path).isEmpty()) {
                return TrustAnchors.fromPem(path);
            }
        }
        for (String directory : directories) {
            Path path = Path.of(directory);
            if (Files.isDirectory(path)) {
                try {
                    return TrustAnchors.fromPemDirectory(path);
                } catch (IOException e) {
                    continue;
                }
            }
        }
        throw new IOException("no CA bundle found in " + files + " or " + directories);
    }
}
