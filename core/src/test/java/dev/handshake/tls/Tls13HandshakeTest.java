package dev.handshake.tls;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.pki.TrustAnchors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS 1.3 in memory: every suite, every group, every kind of server key. */
class Tls13HandshakeTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CipherSuite suite : List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
            for (NamedGroup group : NamedGroup.supported()) {
                cases.add(Arguments.of(suite, group, KeyType.RSA_2048));
            }
        }
        cases.add(Arguments.of(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519, KeyType.ECDSA_P256));
        cases.add(Arguments.of(CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.SECP384R1, KeyType.ECDSA_P384));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void handshakeAndExchangeData(CipherSuite suite, NamedGroup group, KeyType keyType) throws Exception {
        TestPki pki = TestPki.of(keyType);
        TlsConfig client = TlsConfig.builder().cipherSuites(List.of(suite)).namedGroups(List.of(group))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(pki.root())))).build();
        TlsConfig server = TlsConfig.builder().credential(pki.server().credential()).build();
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();

        Session session = pair.client.session();
        assertThat(session.version()).isEqualTo(ProtocolVersion.TLS13);
        assertThat(session.cipherSuite()).isEqualTo(suite);
        assertThat(session.namedGroup()).isEqualTo(group);
        assertThat(pair.server.session().cipherSuite()).isEqualTo(suite);
        byte[] hello = "hello 1.3".getBytes(StandardCharsets.UTF_8);
        assertThat(EnginePair.send(pair.client, pair.server, hello)).isEqualTo(hello);
        assertThat(EnginePair.send(pair.server, pair.client, hello)).isEqualTo(hello);
    }
}
