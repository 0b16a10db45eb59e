package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;

/**
 * ServerKeyExchange for the ephemeral key exchanges (RFC 5246 §7.4.3, RFC 8422 §5.4): the
 * server's ephemeral public value and its signature over
 * {@code client_random + server_random + params}.
 *
 * <pre>
 * struct {
 *     select (KeyExchangeAlgorithm) {
 *         case dhe_rsa:   ServerDHParams params;     -- dh_p, dh_g, dh_Ys, each opaque &lt;1..2^16-1&gt;
 *         case ec_diffie_hellman: ServerECDHParams params;  -- curve_type(3), named_curve, point &lt;1..2^8-1&gt;
 *     };
 *     DigitallySigned signed_params;              -- SignatureAndHashAlgorithm + opaque &lt;0..2^16-1&gt;
 * } ServerKeyExchange;
 * </pre>
 */
public record ServerKeyExchange(Params params, SignatureScheme scheme, byte[] signature) implements HandshakeMessage {

    /** RFC 8422 §5.4: the only curve type still allowed. */
    private static final int NAMED_CURVE = 3;

    /** The part of the message that the signature covers (after the two randoms). */
    public sealed interface Params permits EcdheParams, DheParams {
        void encode(Writer writer);

        default byte[] encoded() {
            Writer writer = new Writer();
            encode(writer);
            return writer.toByteArray();
        }
    }

    /** ServerECDHParams: a named curve and the server's ephemeral point. */
    public record EcdheParams(NamedGroup group, byte[] publicKey) implements Params {
        @Override
        public void encode(Writer writer) {
            writer.u8(NAMED_CURVE);
            writer.u16(group.code());
            writer.opaque8(publicKey);
        }
    }

    /** ServerDHParams: the prime p, the generator g and the server's public value Ys = g^Xs mod p. */
    public record DheParams(byte[] p, byte[] g, byte[] ys) implements Params {
        @Override
        public void encode(Writer writer) {
            writer.opaque16(p);
            writer.opaque16(g);
            writer.opaque16(ys);
        }
    }

    public static ServerKeyExchange decode(Handshake message, KeyExchange keyExchange) throws TlsException {
        Reader reader = message.reader();
        Params params = switch (keyExchange) {
            case ECDHE -> {
                int curveType = reader.u8("curve_type");
                if (curveType != NAMED_CURVE) {
                    throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                        "ServerKeyExchange uses curve_type " + curveType
                            + "; only named curves are allowed (RFC 8422 §5.4)");
                }
                NamedGroup group = new NamedGroup(reader.u16("named_curve"));
                byte[] point = reader.opaque8("public");
                if (point.length == 0) {
                    throw reader.error("the server's public point is empty");
                }
                yield new EcdheParams(group, point);
            }
            case DHE -> {
                byte[] p = nonEmpty(reader, "dh_p");
                byte[] g = nonEmpty(reader, "dh_g");
                byte[] ys = nonEmpty(reader, "dh_Ys");
                yield new DheParams(p, g, ys);
            }
            default -> throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "received ServerKeyExchange, but the " + keyExchange + " key exchange has none");
        };
        SignatureScheme scheme = new SignatureScheme(reader.u16("signature_algorithm"));
        byte[] signature = reader.opaque16("signature");
        reader.expectEnd();
        return new ServerKeyExchange(params, scheme, signature);
    }

    private static byte[] nonEmpty(Reader reader, String field) throws TlsException {
        byte[] value = reader.opaque16(field);
        if (value.length == 0) {
            throw reader.error(field + " is empty");
        }
        return value;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    public void encodeBody(Writer writer) {
        params.encode(writer);
        writer.u16(scheme.code());
        writer.opaque16(signature);
    }
}
