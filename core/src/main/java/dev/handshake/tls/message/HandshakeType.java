package dev.handshake.tls.message;

/** A handshake message type (RFC 8446 §4, RFC 5246 §7.4). */
public record HandshakeType(int code) {

    public static final HandshakeType HELLO_REQUEST = new HandshakeType(0);
    public static final HandshakeType CLIENT_HELLO = new HandshakeType(1);
    public static final HandshakeType SERVER_HELLO = new HandshakeType(2);
    public static final HandshakeType NEW_SESSION_TICKET = new HandshakeType(4);
    public static final HandshakeType END_OF_EARLY_DATA = new HandshakeType(5);
    public static final HandshakeType ENCRYPTED_EXTENSIONS = new HandshakeType(8);
    public static final HandshakeType CERTIFICATE = new HandshakeType(11);
    public static final HandshakeType SERVER_KEY_EXCHANGE = new HandshakeType(12);
    public static final HandshakeType CERTIFICATE_REQUEST = new HandshakeType(13);
    public static final HandshakeType SERVER_HELLO_DONE = new HandshakeType(14);
    public static final HandshakeType CERTIFICATE_VERIFY = new HandshakeType(15);
    public static final HandshakeType CLIENT_KEY_EXCHANGE = new HandshakeType(16);
    public static final HandshakeType FINISHED = new HandshakeType(20);
    public static final HandshakeType KEY_UPDATE = new HandshakeType(24);
    public static final HandshakeType MESSAGE_HASH = new HandshakeType(254);

    public HandshakeType {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("handshake type out of range: " + code);
        }
    }

    /** The RFC's name in CamelCase, as the message is usually called: ClientHello, Finished. */
    public String name() {
        return switch (code) {
            case 0 -> "HelloRequest";
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 4 -> "NewSessionTicket";
            case 5 -> "EndOfEarlyData";
            case 8 -> "EncryptedExtensions";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            case 24 -> "KeyUpdate";
            case 254 -> "message_hash";
            default -> "handshake(" + code + ")";
        };
    }

    @Override
    public String toString() {
        return name();
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on their
    // first call, which costs a fresh JVM milliseconds on its first handshake.

    @Override
    public boolean equals(Object other) {
        return other instanceof HandshakeType that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
