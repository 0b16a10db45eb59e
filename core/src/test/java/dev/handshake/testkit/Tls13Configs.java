package dev.handshake.testkit;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.PkixCertificateVerifier;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsConfig;

import java.util.List;

/** Handshake's side of the TLS 1.3 interop tests: configurations built on one {@link TestPki}. */
public final class Tls13Configs {

    private Tls13Configs() {
    }

    /** A TLS 1.3 client that trusts the PKI's root alone. */
    public static TlsConfig.Builder ourClient(TestPki pki) {
        return TlsConfig.builder().versions(List.of(ProtocolVersion.TLS13))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(pki.root()))));
    }

    /** A TLS 1.3 server with the PKI's server credential. */
    public static TlsConfig.Builder ourServer(TestPki pki) {
        return TlsConfig.builder().versions(List.of(ProtocolVersion.TLS13)).credential(pki.server().credential());
    }

    /** {@code config}, now requiring a client certificate that chains to the PKI's root. */
    public static TlsConfig.Builder requiringClientCertificates(TlsConfig.Builder config, TestPki pki) {
        return config.clientAuth(TlsConfig.ClientAuth.REQUIRED,
            PkixCertificateVerifier.forClients(TrustAnchors.of(List.of(pki.root()))));
    }
}
