package dev.handshake.tls.message;

import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature_algorithms extension (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1), also the shape of
 * signature_algorithms_cert and of the list in a TLS 1.2 CertificateRequest.
 */
public record SignatureAlgorithms(List<SignatureScheme> schemes) {

    public SignatureAlgorithms {
        schemes = List.copyOf(schemes);
    }

    public static SignatureAlgorithms decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        SignatureAlgorithms result = read(reader);
        reader.expectEnd();
        return result;
    }

    /** Reads {@code SignatureScheme supported_signature_algorithms<2..2^16-2>}. */
    public static SignatureAlgorithms read(Reader reader) throws TlsException {
        Reader list = reader.u16Prefixed("supported_signature_algorithms");
        if (list.remaining() < 2 || list.remaining() % 2 != 0) {
            throw list.error("length " + list.remaining() + " is not a positive multiple of 2");
        }
        List<SignatureScheme> schemes = new ArrayList<>();
        while (list.hasRemaining()) {
            schemes.add(new SignatureScheme(list.u16("signature_scheme")));
        }
        return new SignatureAlgorithms(schemes);
    }

    public void write(Writer writer) {
        try (Writer.Length list = writer.u16Prefixed()) {
            for (SignatureScheme scheme : schemes) {
                writer.u16(scheme.code());
            }
        }
    }

    public Extension toExtension() {
        Writer writer = new Writer();
        write(writer);
        return new Extension(ExtensionType.SIGNATURE_ALGORITHMS, writer.toByteArray());
    }
}
