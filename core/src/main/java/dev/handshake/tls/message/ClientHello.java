package dev.handshake.tls.message;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * ClientHello (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2).
 *
 * <pre>
 * struct {
 *     ProtocolVersion client_version;            -- legacy_version in TLS 1.3
 *     Random random;                             -- 32 bytes
 *     SessionID session_id;                      -- opaque &lt;0..32&gt;
 *     CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 *     CompressionMethod compression_methods&lt;1..2^8-1&gt;;
 *     Extension extensions&lt;0..2^16-1&gt;;         -- may be absent in TLS 1.2
 * } ClientHello;
 * </pre>
 */
public record ClientHello(ProtocolVersion legacyVersion, byte[] random, byte[] sessionId,
                          List<CipherSuite> cipherSuites, byte[] compressionMethods,
                          Extensions extensions) implements HandshakeMessage {

    public static final int RANDOM_LENGTH = 32;

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
    }

    public static ClientHello decode(Handshake message) throws TlsException {
        Reader reader = message.reader();
        ProtocolVersion version = new ProtocolVersion(reader.u16("client_version"));
        byte[] random = reader.bytes("random", RANDOM_LENGTH);
        byte[] sessionId = reader.opaque8("session_id");
        if (sessionId.length > 32) {
            throw reader.error("session_id is " + sessionId.length + " bytes, more than 32");
        }
        Reader suites = reader.u16Prefixed("cipher_suites");
        if (suites.remaining() < 2 || suites.remaining() % 2 != 0) {
            throw suites.error("length " + suites.remaining() + " is not a positive multiple of 2");
        }
        List<CipherSuite> cipherSuites = new ArrayList<>(suites.remaining() / 2);
        while (suites.hasRemaining()) {
            cipherSuites.add(new CipherSuite(suites.u16("cipher_suite")));
        }
        byte[] compression = reader.opaque8("compression_methods");
        if (compression.length == 0) {
            throw reader.error("compression_methods is empty");
        }
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        return new ClientHello(version, random, sessionId, cipherSuites, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void encodeBody(Writer writer) {
        writer.u16(legacyVersion.code());
        writer.bytes(random);
        writer.opaque8(sessionId);
        try (Writer.Length suites = writer.u16Prefixed()) {
            for (CipherSuite suite : cipherSuites) {
                writer.u16(suite.code());
            }
        }
        writer.opaque8(compressionMethods);
        extensions.encode(writer);
    }
}
