package dev.handshake.testkit;

import java.nio.file.Path;

/**
 * PEM files of one identity, as OpenSSL and GnuTLS read them: {@code root} (the trust anchor, for
 * -CAfile / --x509cafile), {@code chain} (leaf then intermediate, for gnutls --x509certfile),
 * {@code leaf} and {@code intermediate} (for openssl -cert and -cert_chain: OpenSSL's -cert reads
 * only the first certificate of a file, and -cert_chain sends every certificate of its file) and
 * {@code key} (the leaf's private key, PKCS#8).
 */
public record PemFiles(Path root, Path chain, Path leaf, Path intermediate, Path key) {
}
