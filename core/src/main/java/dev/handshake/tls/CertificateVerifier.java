package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.trace.TlsObserver;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether the peer's certificate chain is to be trusted. The client checks the server's
 * chain through it; a server that asks for client certificates checks those through it too.
 *
 * <p>A client checks servers against the system's trust store unless told otherwise
 * ({@link #system()}). There is deliberately no "trust everything" default;
 * {@link #INSECURE_ACCEPT_ANY} exists for tools that say so loudly.
 */
@FunctionalInterface
public interface CertificateVerifier {

    /**
     * What the handshake knows when it asks.
     *
     * @param peerName the DNS name or IP address literal the client meant to reach, or {@code null}
     * @param now the validation time, from the configuration's clock
     * @param keyExchange the TLS 1.2 key exchange the certificate's key serves, or {@code null} in TLS 1.3
     * @param observer the connection's observer, to report each step of the check to, or {@code null}
     */
    record Context(String peerName, Instant now, CipherSuite.KeyExchange keyExchange, TlsObserver observer) {
    }

    /**
     * Returns normally when the chain is trusted for this peer, otherwise throws a
     * {@link TlsException} with the alert to send (bad_certificate, certificate_expired,
     * unknown_ca, ...) and a sentence that says what is wrong.
     *
     * @param chain the certificates as the peer sent them, its own first
     */
    void verify(List<X509Certificate> chain, Context context) throws TlsException;

    /**
     * Accepts any certificate, without checking anything. Only for tests and for tools whose user
     * asked for it explicitly (the CLI's {@code --insecure}); a connection made with it is open to
     * anyone who can intercept it.
     */
    CertificateVerifier INSECURE_ACCEPT_ANY = new CertificateVerifier() {
        // An anonymous class, not a lambda: this field is initialised by every configuration's first
        // use, and a lambda would bootstrap method handles in a fresh JVM.
        @Override
        public void verify(List<X509Certificate> chain, Context context) {
            // Accepts anything: that is the point, and the danger.
        }
    };

    /**
     * The web PKI with the operating system's trust store (or the JDK's cacerts): the chain must lead
     * to one of its roots and name the server. The default for clients.
     */
    static CertificateVerifier system() {
        return SystemTrust.INSTANCE;
    }

    /** Validates chains up to these trust anchors (root certificates), and checks the server's name. */
    static CertificateVerifier trusting(TrustAnchors anchors) {
        return PkixCertificateVerifier.forServers(anchors);
    }

    /** Trusts exactly these certificates as the peer's own, and nothing else. */
    static CertificateVerifier pinned(List<X509Certificate> pins) {
        return new PinnedCertificateVerifier(pins);
    }
}
