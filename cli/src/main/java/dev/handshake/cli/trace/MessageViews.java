package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.CertificateVerify;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ClientKeyExchange;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.Reader;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerKeyExchange;

/**
 * Decodes each handshake message with the core's codecs into a {@link MessageView}. A message type
 * without a view here, or one that does not decode, is shown generically (type, length, first
 * bytes): an explanation never fails on what it does not know.
 */
public final class MessageViews {

    private MessageViews() {
    }

    /** The view of {@code message}; a ServerHello also teaches {@code negotiation} the version and suite. */
    public static MessageView describe(Handshake message, Side sender, Negotiation negotiation) {
        try {
            return switch (message.type().code()) {
                case 1 -> ClientHelloView.of(ClientHello.decode(message));
                case 2 -> {
                    ServerHello hello = ServerHello.decode(message);
                    negotiation.serverHello(hello);
                    yield ServerHelloView.of(hello, negotiation);
                }
                case 8 -> encryptedExtensions(message);
                case 11 -> CertificateView.of(Certificate.decode(message, negotiation.tls13()));
                case 12 -> serverKeyExchange(message, negotiation.keyExchange());
                case 14 -> GenericView.of(message, "The server's hello flight is over; now it is the client's turn.", null);
                case 15 -> CertificateVerifyView.of(CertificateVerify.decode(message));
                case 16 -> clientKeyExchange(message, negotiation.keyExchange());
                case 20 -> FinishedView.of(message.body(), sender, negotiation);
                default -> GenericView.of(message, "A handshake message this explanation does not decode.", null);
            };
        } catch (TlsException | RuntimeException e) {
            return GenericView.of(message, "A handshake message that could not be decoded.", e.getMessage());
        }
    }

    private static MessageView encryptedExtensions(Handshake message) throws TlsException {
        Reader reader = message.reader();
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd();
        return new MessageView("EncryptedExtensions",
            "The server's answers to the client's extensions that need not be readable on the path: the first "
                + "encrypted message of TLS 1.3.", ExtensionText.fields(extensions));
    }

    private static MessageView serverKeyExchange(Handshake message, KeyExchange keyExchange) throws TlsException {
        if (keyExchange == null) {
            return GenericView.of(message, "ServerKeyExchange, for a suite this explanation does not know.", null);
        }
        return ServerKeyExchangeView.of(ServerKeyExchange.decode(message, keyExchange));
    }

    private static MessageView clientKeyExchange(Handshake message, KeyExchange keyExchange) throws TlsException {
        if (keyExchange == null) {
            return GenericView.of(message, "ClientKeyExchange, for a suite this explanation does not know.", null);
        }
        return ClientKeyExchangeView.of(ClientKeyExchange.decode(message, keyExchange));
    }
}
