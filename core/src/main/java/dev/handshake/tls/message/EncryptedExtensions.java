package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/** EncryptedExtensions (RFC 8446 §4.3.1): {@code Extension extensions<0..2^16-1>}, the first protected message. */
public record EncryptedExtensions(Extensions extensions) implements HandshakeMessage {

    public static EncryptedExtensions decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        if (!reader.hasRemaining()) {
            throw reader.error("the extensions block is missing");
        }
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        return new EncryptedExtensions(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void encodeBody(Writer writer) {
        extensions.encode(writer);
    }
}
