package dev.handshake.cli.trace;

import dev.handshake.tls.message.CertificateVerify;

import java.util.List;

/** CertificateVerify: a signature over the handshake so far with the certificate's key. */
final class CertificateVerifyView {

    private CertificateVerifyView() {
    }

    static MessageView of(CertificateVerify message, Side sender, Negotiation negotiation) {
        String signed = negotiation.tls13()
            ? "64 spaces (0x20) + \"TLS 1.3, " + sender.label() + " CertificateVerify\" + 0x00 + Transcript-Hash("
                + "ClientHello..Certificate) (RFC 8446 §4.4.3): the spaces and the context string keep a signature made "
                + "for one purpose from passing for another"
            : "every handshake message so far, ClientHello to ClientKeyExchange (RFC 5246 §7.4.8)";
        return new MessageView("CertificateVerify",
            "A signature with the certificate's private key over the hash of the handshake so far: proof that the "
                + sender.label() + " owns the certificate it just sent, made for this handshake and no other.",
            List.of(new Field("signature algorithm", message.scheme().name()),
                new Field("signature", Hex.head(message.signature())),
                new Field("signed content", signed)));
    }
}
