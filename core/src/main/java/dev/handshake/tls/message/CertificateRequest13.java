package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * The TLS 1.3 CertificateRequest (RFC 8446 §4.3.2):
 * {@code opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>;}
 * The extensions must include signature_algorithms.
 */
public record CertificateRequest13(byte[] context, Extensions extensions) implements HandshakeMessage {

    public static CertificateRequest13 decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        byte[] context = reader.opaque8("certificate_request_context");
        if (!reader.hasRemaining()) {
            throw reader.error("the extensions block is missing");
        }
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        if (!extensions.has(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new TlsException(AlertDescription.MISSING_EXTENSION,
                "CertificateRequest lacks signature_algorithms (RFC 8446 §4.3.2)");
        }
        return new CertificateRequest13(context, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.opaque8(context);
        extensions.encode(writer);
    }
}
