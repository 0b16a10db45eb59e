package dev.handshake.tls.handshake;

import dev.handshake.tls.Credential;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TlsSignatures;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.CertificateRequest13;
import dev.handshake.tls.message.CertificateVerify;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.SignatureAlgorithms;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's answer to a CertificateRequest: its certificate and a CertificateVerify when it has
 * a credential the server accepts, otherwise an empty Certificate (RFC 8446 §4.4.2, RFC 5246 §7.4.6).
 */
public final class ClientCertificates {

    /** A credential and the scheme it signs with. */
    public record Choice(Credential credential, SignatureScheme scheme) {
    }

    private ClientCertificates() {
    }

    /** The first of our credentials that can sign with a scheme the server lists, or {@code null}. */
    public static Choice choose(TlsConfig config, List<SignatureScheme> serverSchemes, boolean tls13) {
        List<SignatureScheme> ours = new ArrayList<>();
        for (SignatureScheme scheme : config.signatureSchemes()) {
            if (tls13 ? scheme.usableInTls13() : scheme.usableInTls12()) {
                ours.add(scheme);
            }
        }
        for (Credential credential : config.credentials()) {
            SignatureScheme scheme = TlsSignatures.choose(ours, serverSchemes, credential.privateKey(), tls13);
            if (scheme != null) {
                return new Choice(credential, scheme);
            }
        }
        return null;
    }

    /** TLS 1.3: Certificate (with the request's context) and, with a certificate, CertificateVerify. */
    public static void send13(HandshakeContext context, TranscriptHash transcript, CertificateRequest13 request)
            throws TlsException {
        List<SignatureScheme> accepted = SignatureAlgorithms.decode(
            request.extensions().find(ExtensionType.SIGNATURE_ALGORITHMS)).schemes();
        Choice choice = choose(context.config(), accepted, true);
        List<Certificate.Entry> entries = new ArrayList<>();
        if (choice != null) {
            for (byte[] der : PeerCertificates.encode(choice.credential().chain())) {
                entries.add(new Certificate.Entry(der, Extensions.NONE));
            }
        }
        transcript.add(context.send(new Certificate(request.context(), entries, true)).raw());
        if (choice != null) {
            byte[] content = CertificateVerifyContent.of(false, transcript.current());
            byte[] signature = TlsSignatures.sign(choice.scheme(), choice.credential().privateKey(), content,
                context.config().crypto(), context.config().random());
            transcript.add(context.send(new CertificateVerify(choice.scheme(), signature)).raw());
        }
    }
}
