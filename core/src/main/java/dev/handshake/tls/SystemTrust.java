package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The default {@link CertificateVerifier} of a client: the web PKI, anchored in the operating
 * system's trust store (or the JDK's cacerts where there is none). The store is read once, on
 * the first handshake that needs it, and shared.
 */
final class SystemTrust implements CertificateVerifier {

    static final SystemTrust INSTANCE = new SystemTrust();

    private volatile CertificateVerifier loaded;
    private volatile IOException loadFailure;

    private SystemTrust() {
    }

    @Override
    public void verify(List<X509Certificate> chain, Context context) throws TlsException {
        verifier().verify(chain, context);
    }

    private CertificateVerifier verifier() throws TlsException {
        if (loaded == null && loadFailure == null) {
            synchronized (this) {
                if (loaded == null && loadFailure == null) {
                    try {
                        loaded = PkixCertificateVerifier.forServers(TrustAnchors.system());
                    } catch (IOException e) {
                        loadFailure = e;
                    }
                }
            }
        }
        if (loaded == null) {
            throw new TlsException(AlertDescription.UNKNOWN_CA, "no trust anchors: neither the system trust store "
                + "nor the JDK's cacerts could be read (" + loadFailure.getMessage() + "); configure "
                + "TlsConfig.builder().certificateVerifier(...)");
        }
        return loaded;
    }
}
