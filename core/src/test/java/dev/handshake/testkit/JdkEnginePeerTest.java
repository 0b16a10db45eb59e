package dev.handshake.testkit;

import dev.handshake.testkit.TestPki.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's SSLEngine against itself, in memory, through the kit's pump. */
class JdkEnginePeerTest {

    @Test
    void tls13HandshakeRoundTripAndCloseNotifyBothWays() {
        TestPki pki = TestPki.of(KeyType.ECDSA_P256);
        JdkEnginePeer client = JdkEnginePeer.client(JdkContexts.client(pki), parameters -> { });
        JdkEnginePeer server = JdkEnginePeer.server(JdkContexts.server(pki), parameters -> { });

        InMemoryLink.pump(client, server);
        client.write("ping");
        InMemoryLink.pump(client, server);
        server.write(server.read() + " pong");
        InMemoryLink.pump(client, server);

        assertThat(client.isHandshakeComplete()).isTrue();
        assertThat(client.session().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(client.read()).isEqualTo("ping pong");
        client.closeOutbound();
        InMemoryLink.pump(client, server);
        assertThat(server.receivedCloseNotify()).isTrue();
        server.closeOutbound();
        InMemoryLink.pump(client, server);
        assertThat(client.receivedCloseNotify()).isTrue();
        assertThat(client.isClosed()).isTrue();
        assertThat(server.isClosed()).isTrue();
        assertThat(client.failure()).isEmpty();
        assertThat(server.failure()).isEmpty();
    }

    @Test
    void tls12SuiteAlpnAndClientCertificateOverMixedKeys() throws Exception {
        TestPki pki = TestPki.of(Spec.of(KeyType.RSA_2048).withLeaf(KeyType.ECDSA_P256));
        JdkEnginePeer client = JdkEnginePeer.client(JdkContexts.client(pki, pki.client()), parameters -> {
            parameters.setProtocols(new String[] {"TLSv1.2"});
            parameters.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"});
            parameters.setApplicationProtocols(new String[] {"h2"});
        });
        JdkEnginePeer server = JdkEnginePeer.server(JdkContexts.server(pki), parameters -> {
            parameters.setNeedClientAuth(true);
            parameters.setApplicationProtocols(new String[] {"http/1.1", "h2"});
        });

        client.write("early data waits for the handshake");
        InMemoryLink.pump(client, server);

        assertThat(server.read()).isEqualTo("early data waits for the handshake");
        assertThat(server.session().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(server.applicationProtocol()).isEqualTo("h2");
        assertThat(server.session().getPeerCertificates()[0]).isEqualTo(pki.client().certificate());
        client.closeOutbound();
        InMemoryLink.pump(client, server);
        assertThat(server.receivedCloseNotify()).isTrue();
        assertThat(client.receivedCloseNotify()).isTrue();
    }

    @Test
    void untrustedServerFailsTheHandshakeWithAnAlertToThePeer() {
        JdkEnginePeer client = JdkEnginePeer.client(JdkContexts.client(TestPki.of(KeyType.ECDSA_P384)),
            parameters -> { });
        JdkEnginePeer server = JdkEnginePeer.server(JdkContexts.server(TestPki.of(KeyType.ECDSA_P256)),
            parameters -> { });

        InMemoryLink.pump(client, server);

        assertThat(client.isHandshakeComplete()).isFalse();
        assertThat(client.failure()).get().asString().contains("PKIX path");
        assertThat(server.failure()).get().asString().contains("certificate_unknown");
    }
}
