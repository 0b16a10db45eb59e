package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The TLS 1.2 CertificateRequest (RFC 5246 §7.4.4).
 *
 * <pre>
 * struct {
 *     ClientCertificateType certificate_types&lt;1..2^8-1&gt;;
 *     SignatureAndHashAlgorithm supported_signature_algorithms&lt;2..2^16-2&gt;;
 *     DistinguishedName certificate_authorities&lt;0..2^16-1&gt;;   -- each opaque &lt;1..2^16-1&gt;
 * } CertificateRequest;
 * </pre>
 */
public record CertificateRequest(byte[] certificateTypes, SignatureAlgorithms signatureAlgorithms,
                                 List<byte[]> certificateAuthorities) implements HandshakeMessage {

    public static final int RSA_SIGN = 1;
    public static final int ECDSA_SIGN = 64;

    public CertificateRequest {
        certificateAuthorities = List.copyOf(certificateAuthorities);
    }

    public static CertificateRequest decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        byte[] types = reader.opaque8("certificate_types");
        if (types.length == 0) {
            throw reader.error("certificate_types is empty");
        }
        SignatureAlgorithms algorithms = SignatureAlgorithms.read(reader);
        Reader authorities = reader.u16Prefixed("certificate_authorities");
        List<byte[]> names = new ArrayList<>();
        while (authorities.hasRemaining()) {
            byte[] name = authorities.opaque16("distinguished_name");
            if (name.length == 0) {
                throw authorities.error("an empty distinguished name");
            }
            names.add(name);
        }
        reader.expectEnd();
        return new CertificateRequest(types, algorithms, names);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.opaque8(certificateTypes);
        signatureAlgorithms.write(writer);
        try (Writer.Length list = writer.u16Prefixed()) {
            for (byte[] name : certificateAuthorities) {
                writer.opaque16(name);
            }
        }
    }
}
