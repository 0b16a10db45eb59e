package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    private final Pki pki = new Pki();
    private final CertificateBuilder.Issued other = CertificateBuilder.ca("CN=Other Root").build();

    @TempDir
    Path dir;

    private Path pem(String name, CertificateBuilder.Issued... certificates) throws IOException {
        StringBuilder text = new StringBuilder("a comment line\n");
        for (CertificateBuilder.Issued certificate : certificates) {
            text.append(Pem.encode("CERTIFICATE", certificate.der()));
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private Path keyStore(String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("root", pki.root.certificate());
        store.setCertificateEntry("other", other.certificate());
        Path file = dir.resolve("store." + type);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
        return file;
    }

    @Test
    void readsAPemBundleAndValidatesWithIt() throws IOException {
        TrustAnchors anchors = TrustAnchors.fromPem(pem("bundle.pem", pki.root, other, pki.root));
        assertThat(anchors.size()).isEqualTo(2);
        ValidationResult result = PathValidator.builder(anchors).validationTime(CertificateBuilder.NOW).build()
            .validate(pki.leaf.certificate(), List.of(pki.intermediate.certificate()), ServerIdentity.of("example.com"),
                KeyPurpose.SERVER_AUTH);
        assertThat(result.valid()).as(result.toString()).isTrue();
    }

    @Test
    void aPemFileWithoutCertificatesIsAnError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> TrustAnchors.fromPem(empty)).isInstanceOf(IOException.class)
            .hasMessageContaining("no '-----BEGIN CERTIFICATE-----'");
    }

    @Test
    void readsADirectoryOfPemFilesPassingOverOthers() throws IOException {
        pem("a.pem", pki.root);
        pem("b.crt", other);
        Files.writeString(dir.resolve("README"), "not a certificate");
        Files.createDirectory(dir.resolve("sub"));
        assertThat(TrustAnchors.fromPemDirectory(dir).size()).isEqualTo(2);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> TrustAnchors.fromPemDirectory(empty)).isInstanceOf(IOException.class);
    }

    @Test
    void readsPkcs12AndJksKeyStores() throws Exception {
        for (String type : new String[] {"PKCS12", "JKS"}) {
            TrustAnchors anchors = TrustAnchors.fromKeyStore(keyStore(type), "secret".toCharArray());
            assertThat(anchors.certificates()).as(type).contains(pki.root.certificate(), other.certificate());
        }
        Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TrustAnchors.fromKeyStore(garbage, null)).isInstanceOf(IOException.class);
    }

    @Test
    void readsTheJdkCacerts() throws IOException {
        assertThat(TrustAnchors.jdkCacerts().size()).isGreaterThan(10);
    }

    @Test
    void findsTheOperatingSystemBundleInTheUsualPlacesOrAsTheEnvironmentSays() throws IOException {
        Path bundle = pem("ca-certificates.crt", pki.root);
        List<String> files = List.of(dir.resolve("missing.pem").toString(), bundle.toString());
        assertThat(SystemTrustStore.load(Map.of(), files, List.of()).certificates()).containsExactly(pki.root.certificate());
        Path other = pem("other.pem", this.other);
        assertThat(SystemTrustStore.load(Map.of("SSL_CERT_FILE", other.toString()), files, List.of()).certificates())
            .containsExactly(this.other.certificate());
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.copy(bundle, certs.resolve("root.pem"));
        assertThat(SystemTrustStore.load(Map.of("SSL_CERT_DIR", certs.toString()), files, List.of()).size()).isEqualTo(1);
        assertThat(SystemTrustStore.load(Map.of(), List.of(), List.of(certs.toString())).size()).isEqualTo(1);
        assertThatThrownBy(() -> SystemTrustStore.load(Map.of(), List.of("/nonexistent/file"), List.of()))
            .isInstanceOf(IOException.class).hasMessageContaining("no CA bundle");
    }

    @Test
    void systemChoosesSomeBundle() throws IOException {
        assertThat(TrustAnchors.system().size()).isGreaterThan(10);
    }

    @Test
    void anchorsWhoseExtensionsCannotBeDecodedAreLeftOutAndSaidSo() {
        CertificateBuilder.Issued broken = CertificateBuilder.ca("CN=Broken Root").rawSubjectAltName(new byte[0]).build();
        TrustAnchors anchors = TrustAnchors.of(List.of(broken.certificate(), pki.root.certificate()));
        assertThat(anchors.size()).isEqualTo(1);
        assertThat(anchors.skipped()).singleElement().asString().contains("CN=Broken Root");
        assertThat(anchors.plus(TrustAnchors.of(List.of(other.certificate()))).size()).isEqualTo(2);
    }
}
