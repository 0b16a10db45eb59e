package dev.handshake.cli.trace;

import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.CertificateRequest;
import dev.handshake.tls.message.CertificateRequest13;
import dev.handshake.tls.message.Handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** CertificateRequest: the server asks the client for a certificate (RFC 5246 §7.4.4, RFC 8446 §4.3.2). */
final class CertificateRequestView {

    private static final String PURPOSE = "The server asks the client for a certificate (client authentication), "
        + "naming the signature algorithms it accepts. The client answers with its Certificate, possibly empty, and "
        + "a CertificateVerify signed with that certificate's key.";

    private CertificateRequestView() {
    }

    static MessageView of(Handshake message, boolean tls13) throws TlsException {
        List<Field> fields = new ArrayList<>();
        if (tls13) {
            CertificateRequest13 request = CertificateRequest13.decode(message);
            fields.add(new Field("request context", request.context().length == 0
                ? "(empty: asked during the handshake)" : Hex.head(request.context())));
            fields.addAll(ExtensionText.fields(request.extensions(), ExtensionText.In.CERTIFICATE_REQUEST));
            return new MessageView("CertificateRequest", PURPOSE, fields);
        }
        CertificateRequest request = CertificateRequest.decode(message);
        List<String> types = new ArrayList<>();
        for (byte type : request.certificateTypes()) {
            types.add(switch (type & 0xFF) {
                case CertificateRequest.RSA_SIGN -> "rsa_sign";
                case CertificateRequest.ECDSA_SIGN -> "ecdsa_sign";
                default -> "type " + (type & 0xFF);
            });
        }
        fields.add(new Field("certificate types", String.join(", ", types)));
        fields.add(new Field("signature algorithms", request.signatureAlgorithms().schemes().stream()
            .map(SignatureScheme::name).collect(Collectors.joining(", "))));
        fields.add(new Field("authorities", request.certificateAuthorities().isEmpty() ? "any"
            : request.certificateAuthorities().size() + " names"));
        return new MessageView("CertificateRequest", PURPOSE, fields);
    }
}
