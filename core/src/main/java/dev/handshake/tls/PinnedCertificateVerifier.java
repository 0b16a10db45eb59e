package dev.handshake.tls;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Trusts a peer whose own certificate is byte-for-byte one of a fixed set, and is within its
 * validity period. The rest of the chain is ignored: the pin is the trust decision.
 */
final class PinnedCertificateVerifier implements CertificateVerifier {

    private final List<byte[]> pins = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    PinnedCertificateVerifier(List<X509Certificate> pinned) {
        if (pinned.isEmpty()) {
            throw new IllegalArgumentException("pin at least one certificate");
        }
        for (X509Certificate certificate : pinned) {
            try {
                pins.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode pinned certificate "
                    + certificate.getSubjectX500Principal(), e);
            }
            names.add(certificate.getSubjectX500Principal().getName());
        }
    }

    @Override
    public void verify(List<X509Certificate> chain, Context context) throws TlsException {
        if (chain.isEmpty()) {
            throw new TlsException(AlertDescription.BAD_CERTIFICATE, "the peer sent no certificate");
        }
        X509Certificate leaf = chain.get(0);
        byte[] encoded;
        try {
            encoded = leaf.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new TlsException(AlertDescription.BAD_CERTIFICATE, "cannot encode the peer's certificate", e);
        }
        boolean pinnedLeaf = pins.stream().anyMatch(pin -> Arrays.equals(pin, encoded));
        if (!pinnedLeaf) {
            throw new TlsException(AlertDescription.BAD_CERTIFICATE,
                "the peer's certificate '" + leaf.getSubjectX500Principal().getName()
                    + "' is not one of the pinned certificates " + names);
        }
        Date now = Date.from(context.now());
        if (now.before(leaf.getNotBefore()) || now.after(leaf.getNotAfter())) {
            throw new TlsException(AlertDescription.CERTIFICATE_EXPIRED,
                "the pinned certificate '" + leaf.getSubjectX500Principal().getName() + "' is valid from "
                    + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant()
                    + ", not at " + context.now());
        }
    }
}
