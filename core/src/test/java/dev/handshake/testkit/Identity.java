package dev.handshake.testkit;

import dev.handshake.pki.Pem;
import dev.handshake.tls.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A leaf certificate issued by a {@link TestPki}, its private key and its chain (leaf, intermediate),
 * in the forms Handshake, the JDK and the command-line peers take.
 */
public final class Identity {

    /** The password of {@link #keyStore()} and of its key entry. */
    public static final String KEY_STORE_PASSWORD = "testkit";

    /** The alias of the key entry in {@link #keyStore()}. */
    public static final String KEY_ALIAS = "identity";

    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final X509Certificate root;
    private final String fileNamePrefix;

    Identity(CertifiedKey leaf, X509Certificate intermediate, X509Certificate root, String fileNamePrefix) {
        this.chain = List.of(leaf.certificate(), intermediate);
        this.privateKey = leaf.keyPair().getPrivate();
        this.root = root;
        this.fileNamePrefix = fileNamePrefix;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The leaf, then the intermediate; the root is left out, as servers on the web send it. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Credential credential() {
        return new Credential(chain, privateKey);
    }

    /** A fresh PKCS#12 key store holding the key and chain, for a JDK {@code KeyManagerFactory}. */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, privateKey, KEY_STORE_PASSWORD.toCharArray(),
                chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a PKCS#12 key store", e);
        }
    }

    /**
     * Writes root.pem, chain.pem, leaf.pem, intermediate.pem and key.pem into the directory (all but
     * root.pem prefixed "client-" for a client identity) and returns their paths.
     */
    public PemFiles writePem(Path directory) {
        PemFiles files = new PemFiles(directory.resolve("root.pem"),
            directory.resolve(fileNamePrefix + "chain.pem"),
            directory.resolve(fileNamePrefix + "leaf.pem"),
            directory.resolve(fileNamePrefix + "intermediate.pem"),
            directory.resolve(fileNamePrefix + "key.pem"));
        try {
            Files.writeString(files.root(), certificatePem(root));
            Files.writeString(files.chain(), certificatePem(chain.get(0)) + certificatePem(chain.get(1)));
            Files.writeString(files.leaf(), certificatePem(chain.get(0)));
            Files.writeString(files.intermediate(), certificatePem(chain.get(1)));
            Files.writeString(files.key(), Pem.encode("PRIVATE KEY", pkcs8()));
            return files;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not write PEM files into " + directory, e);
        }
    }

    /**
     * The key as PKCS#8. The JDK leaves the optional public key out of an EC key's inner
     * ECPrivateKey (RFC 5915), and GnuTLS 3.7 then refuses the file ("ASN1 parser: Element was not
     * found"), so for EC the public key is put in.
     */
    private byte[] pkcs8() throws IOException {
        if (!(privateKey instanceof ECPrivateKey ecKey)) {
            return privateKey.getEncoded();
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(privateKey.getEncoded());
        var publicKey = SubjectPublicKeyInfo.getInstance(certificate().getPublicKey().getEncoded());
        var withPublicKey = new org.bouncycastle.asn1.sec.ECPrivateKey(ecKey.getParams().getOrder().bitLength(),
            ecKey.getS(), publicKey.getPublicKeyData(), null);
        return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), withPublicKey).getEncoded();
    }

    private static String certificatePem(X509Certificate certificate) throws GeneralSecurityException {
        return Pem.encode("CERTIFICATE", certificate.getEncoded());
    }
}
