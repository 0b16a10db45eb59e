package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Client certificates, in TLS 1.2 and TLS 1.3: asked for, sent, checked, or refused. */
class ClientAuthTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);
    private static final TestPki OTHER = TestPki.of(KeyType.ECDSA_P256);

    enum Version {
        TLS12(ProtocolVersion.TLS12), TLS13(ProtocolVersion.TLS13);

        final ProtocolVersion version;

        Version(ProtocolVersion version) {
            this.version = version;
        }
    }

    private static TlsConfig.Builder client(Version version) {
        return TlsConfig.builder().versions(List.of(version.version))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root()))));
    }

    private static TlsConfig server(TlsConfig.ClientAuth mode) {
        return TlsConfig.builder().credential(PKI.server().credential())
            .clientAuth(mode, PkixCertificateVerifier.forClients(TrustAnchors.of(List.of(PKI.root())))).build();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aClientCertificateIsSentCheckedAndReported(Version version) throws Exception {
        TlsConfig client = client(version).credential(PKI.client().credential()).build();
        EnginePair pair = new EnginePair(client, server(TlsConfig.ClientAuth.REQUIRED));
        pair.handshake();
        assertThat(pair.server.session().version()).isEqualTo(version.version);
        assertThat(pair.server.session().peerCertificates()).first().isEqualTo(PKI.client().certificate());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void withoutACertificateARequiredOneIsRefused(Version version) throws Exception {
        EnginePair pair = new EnginePair(client(version).build(), server(TlsConfig.ClientAuth.REQUIRED));
        TlsException e = catchThrowableOfType(TlsException.class, pair::handshake);
        // TLS 1.3 has an alert for it (RFC 8446 §4.4.2.4); TLS 1.2 uses handshake_failure (RFC 5246 §7.4.6).
        AlertDescription expected = version == Version.TLS13
            ? AlertDescription.CERTIFICATE_REQUIRED : AlertDescription.HANDSHAKE_FAILURE;
        assertThat(e.alert()).isEqualTo(expected);
        assertThat(e.sentByPeer()).isFalse();
        TlsException atClient = catchThrowableOfType(TlsException.class, () -> EnginePair.transfer(pair.server, pair.client));
        assertThat(atClient.alert()).isEqualTo(expected);
        assertThat(atClient.sentByPeer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void anOptionalCertificateMayBeMissing(Version version) throws Exception {
        EnginePair pair = new EnginePair(client(version).build(), server(TlsConfig.ClientAuth.OPTIONAL));
        pair.handshake();
        assertThat(pair.server.session().peerCertificates()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aCertificateFromAnotherAuthorityIsAnUnknownCa(Version version) throws Exception {
        TlsConfig client = client(version).credential(OTHER.client().credential()).build();
        EnginePair pair = new EnginePair(client, server(TlsConfig.ClientAuth.REQUIRED));
        TlsException e = catchThrowableOfType(TlsException.class, pair::handshake);
        assertThat(e.alert()).isEqualTo(AlertDescription.UNKNOWN_CA);
        assertThat(pair.server.session()).isNull();
    }
}
