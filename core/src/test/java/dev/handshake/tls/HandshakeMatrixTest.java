package dev.handshake.tls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every TLS 1.2 suite, group and signature scheme, client and server in memory. */
class HandshakeMatrixTest {

    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> cases = new ArrayList<>();
        for (CipherSuite suite : TlsConfig.DEFAULT_CIPHER_SUITES) {
            for (NamedGroup group : NamedGroup.supported()) {
                boolean fits = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE ? !group.isFiniteField() : group.isFiniteField();
                if (fits) {
                    cases.add(Arguments.of(suite, group));
                }
            }
        }
        cases.add(Arguments.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, null));
        cases.add(Arguments.of(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndGroups")
    void handshakeAndExchangeData(CipherSuite suite, NamedGroup group) throws Exception {
        Credential credential = suite.authentication() == CipherSuite.Authentication.ECDSA ? TestIdentities.EC : TestIdentities.RSA;
        TlsConfig.Builder clientConfig = TlsConfig.builder().cipherSuites(List.of(suite))
            .certificateVerifier(CertificateVerifier.pinned(List.of(credential.certificate())));
        TlsConfig.Builder serverConfig = TlsConfig.builder().cipherSuites(List.of(suite))
            .credential(TestIdentities.RSA).credential(TestIdentities.EC);
        if (group != null) {
            // In TLS 1.2 the client's groups also name the curves it accepts an ECDSA certificate on.
            boolean ecdsa = suite.authentication() == CipherSuite.Authentication.ECDSA;
            clientConfig.namedGroups(ecdsa && !group.equals(NamedGroup.SECP256R1)
                ? List.of(group, NamedGroup.SECP256R1) : List.of(group));
            serverConfig.namedGroups(List.of(group));
        }
        EnginePair pair = new EnginePair(clientConfig.build(), serverConfig.build());
        pair.handshake();

        assertThat(pair.client.isHandshaking()).isFalse();
        assertThat(pair.server.isHandshaking()).isFalse();
        Session session = pair.client.session();
        assertThat(session.cipherSuite()).isEqualTo(suite);
        assertThat(session.extendedMasterSecret()).isTrue();
        assertThat(pair.server.session().cipherSuite()).isEqualTo(suite);
        if (group != null) {
            assertThat(session.namedGroup()).isEqualTo(group);
        }
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(EnginePair.send(pair.client, pair.server, hello)).isEqualTo(hello);
        assertThat(EnginePair.send(pair.server, pair.client, hello)).isEqualTo(hello);
    }
}
