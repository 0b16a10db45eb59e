package dev.handshake.tls.message;

import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.TlsException;

/**
 * ClientKeyExchange (RFC 5246 §7.4.7, RFC 8422 §5.7): the client's half of the key exchange.
 *
 * <pre>
 * rsa:   EncryptedPreMasterSecret  opaque &lt;0..2^16-1&gt;   -- the premaster secret, RSA-encrypted
 * dhe:   ClientDiffieHellmanPublic opaque dh_Yc&lt;1..2^16-1&gt;
 * ecdhe: ClientECDiffieHellmanPublic opaque point&lt;1..2^8-1&gt;
 * </pre>
 */
public record ClientKeyExchange(KeyExchange keyExchange, byte[] exchangeKeys) implements HandshakeMessage {

    public static ClientKeyExchange decode(Handshake message, KeyExchange keyExchange) throws TlsException {
        Reader reader = message.reader();
        byte[] keys = switch (keyExchange) {
            case ECDHE -> reader.opaque8("ecdh_Yc");
            case DHE -> reader.opaque16("dh_Yc");
            default -> reader.opaque16("exchange_keys");
        };
        reader.expectEnd();
        if (keys.length == 0 && keyExchange != KeyExchange.RSA) {
            throw reader.error("the client's public value is empty");
        }
        return new ClientKeyExchange(keyExchange, keys);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void encodeBody(Writer writer) {
        if (keyExchange == KeyExchange.ECDHE) {
            writer.opaque8(exchangeKeys);
        } else {
            writer.opaque16(exchangeKeys);
        }
    }
}
