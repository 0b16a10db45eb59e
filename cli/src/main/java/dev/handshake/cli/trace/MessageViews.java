package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.CertificateVerify;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ClientKeyExchange;
import dev.handshake.tls.message.EncryptedExtensions;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.KeyUpdate;
import dev.handshake.tls.message.NewSessionTicket;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerKeyExchange;

import java.util.List;

/**
 * Decodes each handshake message with the core's codecs into a {@link MessageView}. A message type
 * without a view here, or one that does not decode, is shown generically (type, length, first
 * bytes): an explanation never fails on what it does not know.
 */
public final class MessageViews {

    private MessageViews() {
    }

    /** The view of {@code message}; hellos also teach {@code negotiation} what later messages need. */
    public static MessageView describe(Handshake message, Side sender, Negotiation negotiation) {
        try {
            return switch (message.type().code()) {
                case 1 -> {
                    ClientHello hello = ClientHello.decode(message);
                    negotiation.clientHello(hello);
                    yield ClientHelloView.of(hello, negotiation);
                }
                case 2 -> {
                    ServerHello hello = ServerHello.decode(message);
                    negotiation.serverHello(hello);
                    yield hello.isHelloRetryRequest() ? HelloRetryRequestView.of(hello, negotiation)
                        : ServerHelloView.of(hello, negotiation);
                }
                case 4 -> NewSessionTicketView.of(NewSessionTicket.decode(message));
                case 8 -> encryptedExtensions(EncryptedExtensions.decode(message));
                case 11 -> CertificateView.of(Certificate.decode(message, negotiation.tls13()), sender);
                case 12 -> serverKeyExchange(message, negotiation.keyExchange());
                case 13 -> CertificateRequestView.of(message, negotiation.tls13());
                case 14 -> GenericView.of(message, "The server's hello flight is over; now it is the client's turn.", null);
                case 15 -> CertificateVerifyView.of(CertificateVerify.decode(message), sender, negotiation);
                case 16 -> clientKeyExchange(message, negotiation.keyExchange());
                case 20 -> FinishedView.of(message.body(), sender, negotiation);
                case 24 -> KeyUpdateView.of(KeyUpdate.decode(message), sender);
                default -> GenericView.of(message, "A handshake message this explanation does not decode.", null);
            };
        } catch (TlsException | RuntimeException e) {
            return GenericView.of(message, "A handshake message that could not be decoded.", e.getMessage());
        }
    }

    private static MessageView encryptedExtensions(EncryptedExtensions message) {
        List<Field> fields = ExtensionText.fields(message.extensions(), ExtensionText.In.ENCRYPTED_EXTENSIONS);
        return new MessageView("EncryptedExtensions",
            "The first encrypted message: the server's answers to the client's extensions that do not shape the key "
                + "exchange (server name, ALPN, ...). TLS 1.2 sent these in the clear in its ServerHello.",
            fields.isEmpty() ? List.of(new Field("extensions", "none")) : fields);
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
