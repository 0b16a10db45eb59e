package dev.handshake.testkit;

import java.nio.file.Path;

/**
 * PEM files of one identity, as OpenSSL and GnuTLS read them: {@code root} (the trust anchor, for
 * -CAfile / --x509cafile), {@code chain} (leaf then intermediate, for -cert / --x509certfile),
 * {@code leaf} (the leaf alone) and {@code key} (the leaf's private key, PKCS#8).
 */
public record PemFiles(Path root, Path chain, Path leaf, Path key) {
}
