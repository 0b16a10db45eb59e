package dev.handshake.tls.message;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;

import java.util.Arrays;
import java.util.HexFormat;

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

    /** RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello with this random, SHA-256("HelloRetryRequest"). */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
        "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2. */
    private static final byte[] DOWNGRADE_TLS12 = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01};
    /** The same for TLS 1.1 or below. */
    private static final byte[] DOWNGRADE_TLS11 = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00};

    /** The random of every HelloRetryRequest. */
    public static byte[] helloRetryRequestRandom() {
        return HELLO_RETRY_REQUEST_RANDOM.clone();
    }

    /** Whether this ServerHello is a HelloRetryRequest. */
    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    /** Whether the random carries a downgrade sentinel: a TLS 1.3 server was made to speak an older version. */
    public boolean hasDowngradeSentinel() {
        byte[] tail = Arrays.copyOfRange(random, RANDOM_LENGTH - 8, RANDOM_LENGTH);
        return Arrays.equals(tail, DOWNGRADE_TLS12) || Arrays.equals(tail, DOWNGRADE_TLS11);
    }

    /** Writes the TLS 1.2 downgrade sentinel into the last 8 bytes of a server random. */
    public static void markTls12Downgrade(byte[] serverRandom) {
        System.arraycopy(DOWNGRADE_TLS12, 0, serverRandom, RANDOM_LENGTH - 8, 8);
    }

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
