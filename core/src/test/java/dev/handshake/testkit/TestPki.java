package dev.handshake.testkit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test PKI shaped like the web's: root CA, intermediate CA, and leaf certificates for localhost
 * and 127.0.0.1. Generated with Bouncy Castle and cached per {@link Spec} for the life of the JVM,
 * so tests ask for one as often as they like.
 *
 * <pre>{@code
 * TestPki pki = TestPki.of(KeyType.ECDSA_P256);
 * Credential credential = pki.server().credential();
 * PemFiles files = pki.server().writePem(tempDir);   // root.pem, chain.pem, leaf.pem, key.pem
 * TestPki mixed = TestPki.of(Spec.of(KeyType.RSA_2048).withLeaf(KeyType.ECDSA_P256));
 * }</pre>
 */
public final class TestPki {

    /** The key types of the three levels, and DNS names the leaf holds besides localhost. */
    public record Spec(KeyType root, KeyType intermediate, KeyType leaf, List<String> extraDnsNames) {

        public Spec {
            extraDnsNames = List.copyOf(extraDnsNames);
        }

        public static Spec of(KeyType keyType) {
            return new Spec(keyType, keyType, keyType, List.of());
        }

        public Spec withIntermediate(KeyType keyType) {
            return new Spec(root, keyType, leaf, extraDnsNames);
        }

        public Spec withLeaf(KeyType keyType) {
            return new Spec(root, intermediate, keyType, extraDnsNames);
        }

        public Spec withExtraDnsNames(String... names) {
            return new Spec(root, intermediate, leaf, List.of(names));
        }
    }

    private static final Map<Spec, TestPki> CACHE = new ConcurrentHashMap<>();

    private final Spec spec;
    private final CertifiedKey root;
    private final CertifiedKey intermediate;
    private final Identity server;
    private final Map<KeyType, Identity> clients = new ConcurrentHashMap<>();

    private TestPki(Spec spec) {
        this.spec = spec;
        root = CertificateIssuer.root("Handshake Test Root CA " + spec.root(), spec.root());
        intermediate = CertificateIssuer.intermediate(
            "Handshake Test Intermediate CA " + spec.intermediate(), spec.intermediate(), root);
        server = new Identity(CertificateIssuer.server(spec.leaf(), spec.extraDnsNames(), intermediate),
            intermediate.certificate(), root.certificate(), "");
    }

    /** Root, intermediate and leaf all with keys of this type. */
    public static TestPki of(KeyType keyType) {
        return of(Spec.of(keyType));
    }

    public static TestPki of(Spec spec) {
        return CACHE.computeIfAbsent(spec, TestPki::new);
    }

    public X509Certificate root() {
        return root.certificate();
    }

    public X509Certificate intermediate() {
        return intermediate.certificate();
    }

    /** The leaf for localhost and 127.0.0.1, with extended key usage serverAuth and clientAuth. */
    public Identity server() {
        return server;
    }

    /** A client certificate (extended key usage clientAuth only) with the same key type as the server's. */
    public Identity client() {
        return client(spec.leaf());
    }

    /** A client certificate with a key of the given type, issued by the same intermediate. */
    public Identity client(KeyType keyType) {
        return clients.computeIfAbsent(keyType, this::issueClient);
    }

    /** A fresh PKCS#12 key store holding the root as a trusted certificate, for a TrustManagerFactory. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root.certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a trust store", e);
        }
    }

    private Identity issueClient(KeyType keyType) {
        CertifiedKey leaf = CertificateIssuer.client("Handshake Test Client " + keyType, keyType, intermediate);
        return new Identity(leaf, intermediate.certificate(), root.certificate(), "client-");
    }
}
