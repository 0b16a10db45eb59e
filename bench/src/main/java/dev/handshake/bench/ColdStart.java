package dev.handshake.bench;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.Credential;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsConnection;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The whole life of a JVM that makes one TLS 1.3 handshake (x25519, RSA-2048 chain, checked up to
 * the root with the host name) in memory, sends one byte each way and exits. The harness times the
 * process from start to exit. Both engines read the same DER files (made beforehand, so no key is
 * generated here) with the JDK's CertificateFactory and KeyFactory, and use their default settings
 * apart from TLS 1.3 only and x25519 only, as in the benchmarks.
 *
 * <pre>{@code
 * java -cp ... dev.handshake.bench.ColdStart handshake|sunjsse|floor DIR
 * }</pre>
 *
 * DIR holds root.der, intermediate.der, leaf.der and key.der (PKCS#8).
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.of(args[0]);
        Path dir = Path.of(args[1]);
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        X509Certificate root = certificate(certificates, dir.resolve("root.der"));
        List<X509Certificate> chain = List.of(certificate(certificates, dir.resolve("leaf.der")),
            certificate(certificates, dir.resolve("intermediate.der")));
        PrivateKey key = KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("key.der"))));
        int exchanged = switch (engine) {
            case HANDSHAKE -> handshake(chain, key, root);
            case SUNJSSE -> sunJsse(chain, key, root);
            case FLOOR -> floor(chain, key, root);
            default -> throw new IllegalArgumentException("no cold start for " + engine.id());
        };
        if (engine != Engine.FLOOR && exchanged != ('c' << 8 | 's')) {
            throw new IllegalStateException("the bytes exchanged were wrong: " + exchanged);
        }
    }

    private static X509Certificate certificate(CertificateFactory factory, Path file) throws Exception {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static int handshake(List<X509Certificate> chain, PrivateKey key, X509Certificate root) throws Exception {
        TlsConfig server = TlsConfig.builder()
            .versions(List.of(dev.handshake.tls.ProtocolVersion.TLS13))
            .namedGroups(List.of(dev.handshake.tls.NamedGroup.X25519))
            .credential(new Credential(chain, key))
            .build();
        TlsConfig client = TlsConfig.builder()
            .versions(List.of(dev.handshake.tls.ProtocolVersion.TLS13))
            .namedGroups(List.of(dev.handshake.tls.NamedGroup.X25519))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(root))))
            .build();
        return new HandshakeLink().handshakeAndExchange(TlsConnection.client(client, "localhost"),
            TlsConnection.server(server));
    }

    /**
     * No TLS at all: only the JCA work of the same handshake (two X25519 key pairs and agreements, the
     * RSA-PSS signature and its check, the chain's two signatures; see {@link Floor}), one HMAC-SHA256
     * for the key schedule and one AES-GCM record each way. What no engine on the JDK's providers can
     * start faster than.
     */
    private static int floor(List<X509Certificate> chain, PrivateKey key, X509Certificate root) throws Exception {
        Credential credential = new Credential(chain, key);
        int result = new Floor(Scenario.FULL_TLS13_X25519_RSA2048, credential, root, null).run();
        result += new Floor(Scenario.TRANSFER_AES128GCM_16K, credential, root, null).run();
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        return result + hmac.doFinal(new byte[32])[0];
    }

    private static int sunJsse(List<X509Certificate> chain, PrivateKey key, X509Certificate root) throws Exception {
        System.setProperty("jdk.tls.namedGroups", "x25519");
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(new KeyManager[] {new FixedKeyManager(key, chain)}, null, null);
        SSLContext clientContext = SSLContext.getInstance("TLSv1.3");
        clientContext.init(null, new TrustManager[] {new CountingTrustManager(root)}, null);
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {"TLSv1.3"});
        client.setSSLParameters(parameters);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        return new EngineLink(false).handshakeAndExchange(client, server);
    }
}
