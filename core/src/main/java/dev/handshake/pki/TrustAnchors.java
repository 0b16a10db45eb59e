package dev.handshake.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates a validation trusts without proof (RFC 5280 §6.1.1 (d)), indexed by subject
 * for path building. Loaded from PEM bundles, directories of PEM files, PKCS#12 and JKS key stores,
 * the JDK's cacerts, or the operating system's bundle. Anchors whose extensions cannot be decoded
 * are left out, since their constraints could not be applied.
 */
public final class TrustAnchors {

    private final List<ParsedCertificate> anchors = new ArrayList<>();
    private final Map<DistinguishedName, List<ParsedCertificate>> bySubject = new HashMap<>();
    private final Map<ByteBuffer, ParsedCertificate> byEncoding = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private TrustAnchors(Collection<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            ParsedCertificate parsed = new ParsedCertificate(certificate);
            if (parsed.problem() != null) {
                skipped.add(certificate.getSubjectX500Principal().getName() + ": " + parsed.problem());
                continue;
            }
            if (byEncoding.putIfAbsent(ByteBuffer.wrap(parsed.encoded()), parsed) == null) {
                anchors.add(parsed);
                List<ParsedCertificate> sameSubject = bySubject.get(parsed.subjectName());
                if (sameSubject == null) {
                    sameSubject = new ArrayList<>();
                    bySubject.put(parsed.subjectName(), sameSubject);
                }
                sameSubject.add(parsed);
            }
        }
    }

    /** Exactly these certificates. */
    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        return new TrustAnchors(certificates);
    }

    /** Every certificate of a PEM file; fails when it holds none or one is unreadable. */
    public static TrustAnchors fromPem(Path file) throws IOException {
        return new TrustAnchors(Pem.readCertificates(file));
    }

    /**
     * Every certificate in the PEM files of a directory (not its subdirectories), as OpenSSL's
     * c_rehash directories hold them; files that are not PEM certificates are passed over.
     */
    public static TrustAnchors fromPemDirectory(Path directory) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    certificates.addAll(readLeniently(file));
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException(directory + ": no PEM certificate in this directory");
        }
        return new TrustAnchors(certificates);
    }

    /** The trusted certificate entries of a PKCS#12 or JKS key store (its type is detected). */
    public static TrustAnchors fromKeyStore(Path file, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.isCertificateEntry(alias) ? store.getCertificate(alias) : null;
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + ": the key store holds no trusted certificate entry");
            }
            return new TrustAnchors(certificates);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": cannot read the key store: " + e.getMessage(), e);
        }
    }

    /** The JDK's own {@code lib/security/cacerts}. */
    public static TrustAnchors jdkCacerts() throws IOException {
        return fromKeyStore(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), null);
    }

    /**
     * The operating system's bundle, looked for as OpenSSL and Go do: {@code SSL_CERT_FILE} and
     * {@code SSL_CERT_DIR} first, then the usual Linux, BSD and macOS files and directories.
     */
    public static TrustAnchors operatingSystem() throws IOException {
        return SystemTrustStore.load(System.getenv());
    }

    /** The operating system's bundle when there is one, else the JDK's cacerts. */
    public static TrustAnchors system() throws IOException {
        try {
            return operatingSystem();
        } catch (IOException e) {
            return jdkCacerts();
        }
    }

    /** These anchors and those, without repeats. */
    public TrustAnchors plus(TrustAnchors other) {
        List<X509Certificate> all = new ArrayList<>(certificates());
        all.addAll(other.certificates());
        return new TrustAnchors(all);
    }

    public List<X509Certificate> certificates() {
        List<X509Certificate> out = new ArrayList<>();
        for (ParsedCertificate anchor : anchors) {
            out.add(anchor.x509());
        }
        return out;
    }

    public int size() {
        return anchors.size();
    }

    /** The certificates that were given but left out, each with the reason. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    List<ParsedCertificate> withSubject(DistinguishedName subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** The anchor with exactly this encoding, or null. */
    ParsedCertificate exactly(byte[] encoded) {
        return byEncoding.get(ByteBuffer.wrap(encoded));
    }

    static List<X509Certificate> readLeniently(Path file) {
        try {
            return Pem.readCertificates(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
