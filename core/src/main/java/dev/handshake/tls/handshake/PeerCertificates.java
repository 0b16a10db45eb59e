package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Between the DER certificates of a Certificate message and {@link X509Certificate}s. */
public final class PeerCertificates {

    private PeerCertificates() {
    }

    public static List<X509Certificate> parse(List<byte[]> encoded) throws TlsException {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "the JDK offers no X.509 certificate factory", e);
        }
        List<X509Certificate> certificates = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded.get(i))));
            } catch (CertificateException | RuntimeException e) {
                throw new TlsException(AlertDescription.BAD_CERTIFICATE,
                    "certificate #" + (i + 1) + " from the peer is not a valid X.509 certificate: " + e.getMessage());
            }
        }
        return certificates;
    }

    /** The DER encodings of a chain, for a Certificate message. */
    public static List<byte[]> encode(List<X509Certificate> chain) throws TlsException {
        List<byte[]> out = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                out.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsException(AlertDescription.INTERNAL_ERROR,
                    "cannot encode the certificate '" + certificate.getSubjectX500Principal() + "'", e);
            }
        }
        return out;
    }
}
