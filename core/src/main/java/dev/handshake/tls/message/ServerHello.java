package dev.handshake.tls.message;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;

/**
 * ServerHello (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3).
 *
 * <pre>
 * struct {
 *     ProtocolVersion server_version;            -- legacy_version in TLS 1.3
 *     Random random;
 *     SessionID session_id;
 *     CipherSuite cipher_suite;
 *     CompressionMethod compression_method;
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } ServerHello;
 * </pre>
 */
public record ServerHello(ProtocolVersion legacyVersion, byte[] random, byte[] sessionId,
                          CipherSuite cipherSuite, int compressionMethod,
                          Extensions extensions) implements HandshakeMessage {

    public static final int RANDOM_LENGTH = 32;

    public static ServerHello decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        ProtocolVersion version = new ProtocolVersion(reader.u16("server_version"));
        byte[] random = reader.bytes("random", RANDOM_LENGTH);
        byte[] sessionId = reader.opaque8("session_id");
        if (sessionId.length > 32) {
            throw reader.error("session_id is " + sessionId.length + " bytes, more than 32");
        }
        CipherSuite suite = new CipherSuite(reader.u16("cipher_suite"));
        int compression = reader.u8("compression_method");
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.u16(legacyVersion.code());
        writer.bytes(random);
        writer.opaque8(sessionId);
        writer.u16(cipherSuite.code());
        writer.u8(compressionMethod);
        extensions.encode(writer);
    }
}
