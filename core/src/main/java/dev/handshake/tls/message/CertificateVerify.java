package dev.handshake.tls.message;

import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;

/**
 * CertificateVerify (RFC 5246 §7.4.8, RFC 8446 §4.4.3): the signature algorithm and a signature
 * over the handshake so far, proving the sender holds the certificate's private key.
 */
public record CertificateVerify(SignatureScheme scheme, byte[] signature) implements HandshakeMessage {

    public static CertificateVerify decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        SignatureScheme scheme = new SignatureScheme(reader.u16("algorithm"));
        byte[] signature = reader.opaque16("signature");
        reader.expectEnd();
        return new CertificateVerify(scheme, signature);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.u16(scheme.code());
        writer.opaque16(signature);
    }
}
