package dev.handshake.testkit;

import dev.handshake.pki.Pem;
import dev.handshake.testkit.TestPki.Spec;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    static Stream<Spec> specs() {
        return Stream.of(Spec.of(KeyType.RSA_2048), Spec.of(KeyType.ECDSA_P256), Spec.of(KeyType.ECDSA_P384),
            Spec.of(KeyType.RSA_2048).withLeaf(KeyType.ECDSA_P256),
            Spec.of(KeyType.RSA_2048).withIntermediate(KeyType.ECDSA_P384).withLeaf(KeyType.ECDSA_P256));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void serverAndClientChainsValidateToTheRoot(Spec spec) throws Exception {
        TestPki pki = TestPki.of(spec);

        validate(pki.server().chain(), pki.root());
        validate(pki.client().chain(), pki.root());
        assertThat(pki.server().credential().keyAlgorithm())
            .isEqualTo(spec.leaf() == KeyType.RSA_2048 ? "RSA" : "EC");
    }

    @Test
    void serverLeafNamesLoopbackAndServesBothEnds() throws Exception {
        TestPki pki = TestPki.of(Spec.of(KeyType.ECDSA_P256).withExtraDnsNames("example.test"));
        X509Certificate leaf = pki.server().certificate();

        assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
            List.of(DNS_NAME, "localhost"), List.of(IP_ADDRESS, "127.0.0.1"), List.of(DNS_NAME, "example.test"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(pki.intermediate().getBasicConstraints()).isZero();
        assertThat(leaf.getNotBefore()).isBefore(new Date());
        assertThat(leaf.getNotAfter()).isAfter(new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(29)));
    }

    @Test
    void clientCertificateIsForClientAuthenticationOnly() throws Exception {
        X509Certificate client = TestPki.of(KeyType.ECDSA_P256).client(KeyType.RSA_2048).certificate();

        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(client.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void hierarchiesAreCachedPerSpec() {
        assertThat(TestPki.of(KeyType.ECDSA_P256)).isSameAs(TestPki.of(Spec.of(KeyType.ECDSA_P256)));
        assertThat(TestPki.of(KeyType.ECDSA_P256).client()).isSameAs(TestPki.of(KeyType.ECDSA_P256).client());
    }

    @Test
    void pemFilesReadBack(@TempDir Path directory) throws Exception {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);

        PemFiles files = pki.server().writePem(directory);

        assertThat(Pem.readCertificates(files.root())).containsExactly(pki.root());
        assertThat(Pem.readCertificates(files.chain())).containsExactlyElementsOf(pki.server().chain());
        assertThat(Pem.readCertificates(files.leaf())).containsExactly(pki.server().certificate());
        assertThat(Pem.readCertificates(files.intermediate())).containsExactly(pki.intermediate());
        // key.pem also holds the public key (for GnuTLS), so compare the private scalar, not the encoding.
        assertThat(((ECPrivateKey) Pem.readPrivateKey(files.key())).getS())
            .isEqualTo(((ECPrivateKey) pki.server().privateKey()).getS());
        assertThat(pki.client().writePem(directory).chain()).hasFileName("client-chain.pem");
    }

    @Test
    void keyStoresHoldTheKeyEntryAndTheRoot() throws Exception {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);

        var keyStore = pki.server().keyStore();
        assertThat(keyStore.getKey(Identity.KEY_ALIAS, Identity.KEY_STORE_PASSWORD.toCharArray()))
            .isEqualTo(pki.server().privateKey());
        assertThat(keyStore.getCertificateChain(Identity.KEY_ALIAS)).hasSize(2);
        assertThat(pki.trustStore().getCertificate("root")).isEqualTo(pki.root());
    }

    private static void validate(List<X509Certificate> chain, X509Certificate root) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
