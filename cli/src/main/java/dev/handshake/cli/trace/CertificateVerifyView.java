package dev.handshake.cli.trace;

import dev.handshake.tls.message.CertificateVerify;

import java.util.List;

/** CertificateVerify: a signature over the handshake so far with the certificate's key. */
final class CertificateVerifyView {

    private CertificateVerifyView() {
    }

    static MessageView of(CertificateVerify message) {
        return new MessageView("CertificateVerify",
            "A signature with the certificate's private key over the hash of the handshake so far: proof that the "
                + "sender owns the certificate it just sent.",
            List.of(new Field("signature algorithm", message.scheme().name()),
                new Field("signature", Hex.head(message.signature()))));
    }
}
