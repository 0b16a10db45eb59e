package dev.handshake.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a handshake negotiated.
 *
 * @param version the protocol version
 * @param cipherSuite the cipher suite
 * @param namedGroup the key-exchange group, or {@code null} for the RSA key exchange and for
 *                   finite-field parameters that have no code point (such as the RFC 3526 groups)
 * @param groupName the key-exchange group for people ("x25519", "ffdhe2048", "modp2048",
 *                  "2048-bit prime"), or {@code null} for the RSA key exchange
 * @param signatureScheme the scheme the server signed with, or {@code null} for the RSA key exchange
 * @param peerCertificates the peer's chain as it sent it, its own certificate first (may be empty)
 * @param serverName the server name the client sent (SNI), or {@code null}
 * @param applicationProtocol the ALPN protocol, or {@code null}
 * @param extendedMasterSecret TLS 1.2: whether the master secret is bound to the handshake (RFC 7627);
 *                             TLS 1.3 always binds its keys to the handshake
 * @param falseStart whether the client sent application data before the server's Finished (RFC 7918)
 * @param resumed whether the session was resumed from a ticket (RFC 8446 §2.2) instead of a full handshake
 */
public record Session(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup namedGroup, String groupName,
                      SignatureScheme signatureScheme, List<X509Certificate> peerCertificates,
                      String serverName, String applicationProtocol, boolean extendedMasterSecret,
                      boolean falseStart, boolean resumed) {

    public Session {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** Whether recorded traffic stays safe if the server's long-term key leaks later. */
    public boolean forwardSecret() {
        return cipherSuite.keyExchange().forwardSecret();
    }
}
