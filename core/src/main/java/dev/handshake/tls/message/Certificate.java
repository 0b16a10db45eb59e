package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * Certificate (RFC 5246 §7.4.2; RFC 8446 §4.4.2 adds a request context and per-entry extensions).
 *
 * <pre>
 * TLS 1.2:  ASN.1Cert certificate_list&lt;0..2^24-1&gt;;     -- each opaque &lt;1..2^24-1&gt;
 * TLS 1.3:  opaque certificate_request_context&lt;0..2^8-1&gt;;
 *           CertificateEntry certificate_list&lt;0..2^24-1&gt;;  -- cert_data + extensions
 * </pre>
 *
 * The sender's certificate comes first; each following one certifies the one before it.
 */
public record Certificate(byte[] requestContext, List<Entry> entries, boolean tls13) implements HandshakeMessage {

    /** One certificate in DER, with its TLS 1.3 extensions. */
    public record Entry(byte[] data, Extensions extensions) {
    }

    public Certificate {
        entries = List.copyOf(entries);
    }

    /** A TLS 1.2 Certificate message with these DER certificates, leaf first. */
    public static Certificate tls12(List<byte[]> certificates) {
        List<Entry> entries = new ArrayList<>();
        for (byte[] der : certificates) {
            entries.add(new Entry(der, Extensions.NONE));
        }
        return new Certificate(new byte[0], entries, false);
    }

    public static Certificate decode(Handshake message, boolean tls13) throws TlsException {
        Reader reader = message.reader();
        byte[] context = tls13 ? reader.opaque8("certificate_request_context") : new byte[0];
        Reader list = reader.u24Prefixed("certificate_list");
        reader.expectEnd();
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] der = list.opaque24("cert_data");
            if (der.length == 0) {
                throw list.error("an empty certificate");
            }
            Extensions extensions = tls13 ? Extensions.decode(list) : Extensions.NONE;
            entries.add(new Entry(der, extensions));
        }
        return new Certificate(context, entries, tls13);
    }

    /** The DER encodings, leaf first. */
    public List<byte[]> certificates() {
        List<byte[]> certificates = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            certificates.add(entry.data());
        }
        return certificates;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encodeBody(Writer writer) {
        if (tls13) {
            writer.opaque8(requestContext);
        }
        try (Writer.Length list = writer.u24Prefixed()) {
            for (Entry entry : entries) {
                writer.opaque24(entry.data());
                if (tls13) {
                    entry.extensions().encode(writer);
                }
            }
        }
    }
}
