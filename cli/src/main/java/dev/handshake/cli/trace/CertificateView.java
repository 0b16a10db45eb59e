package dev.handshake.cli.trace;

import dev.handshake.tls.message.Certificate;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Certificate: the sender's chain, each certificate with subject, issuer, validity and key. */
final class CertificateView {

    private CertificateView() {
    }

    static MessageView of(Certificate message, Side sender) {
        List<Field> fields = new ArrayList<>();
        if (message.requestContext().length > 0) {
            fields.add(new Field("request context", Hex.head(message.requestContext())));
        }
        List<byte[]> chain = message.certificates();
        for (int i = 0; i < chain.size(); i++) {
            fields.add(new Field("certificate " + (i + 1), describe(chain.get(i))));
        }
        if (chain.isEmpty()) {
            fields.add(new Field("certificates", "none"));
            return new MessageView("Certificate", "The " + sender.label() + " has no certificate to send: an empty list. "
                + "The server decides whether to go on without one.", fields);
        }
        String proof = message.tls13() ? "CertificateVerify" : sender == Side.SERVER
            ? "the rest of the handshake" : "CertificateVerify";
        return new MessageView("Certificate",
            (sender == Side.CLIENT ? "The client's certificate, which the server asked for: its own first, then the ones "
                + "that certify it." : "The sender's certificate first, then the ones that certify it.")
                + " The public key inside the first one is what " + proof + " must prove possession of.", fields);
    }

    /** The certificate's subject, issuer, validity, key and names; the DER head when it does not parse. */
    static String describe(byte[] der) {
        X509Certificate certificate;
        try {
            certificate = parse(der);
        } catch (CertificateException e) {
            return Hex.head(der) + " (not an X.509 certificate: " + e.getMessage() + ")";
        }
        return "subject    " + Names.subject(certificate)
            + "\nissuer     " + Names.issuer(certificate)
            + "\nvalid      " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
            + "\nkey        " + Names.key(certificate.getPublicKey())
            + names(certificate)
            + "\nsigned     " + certificate.getSigAlgName() + " by the issuer";
    }

    static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
    }

    private static String names(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? ""
                : "\nnames      " + names.stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.joining(", "));
        } catch (CertificateParsingException e) {
            return "\nnames      (unreadable: " + e.getMessage() + ")";
        }
    }
}
