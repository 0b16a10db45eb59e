package dev.handshake.tls.client;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.SupportedVersions;

/**
 * The start of every client handshake: the ClientHello offers TLS 1.3 and TLS 1.2 (as configured),
 * and the ServerHello decides which flow follows — the one branch where the version is chosen
 * (RFC 8446 §4.1.3, §4.2.1).
 */
public final class ClientHelloFlow {

    private ClientHelloFlow() {
    }

    /** Sends the ClientHello. */
    public static HandshakeState start(HandshakeContext context) throws TlsException {
        return new ExpectServerHello(ClientOffer.first(context));
    }

    /** Waiting for ServerHello (or a HelloRetryRequest) in answer to the offer. */
    record ExpectServerHello(ClientOffer offer) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            ServerHello serverHello = ServerHello.decode(message.expect(HandshakeType.SERVER_HELLO, waitingFor()));
            Extension supportedVersions = serverHello.extensions().find(ExtensionType.SUPPORTED_VERSIONS);
            if (supportedVersions == null) {
                return Tls12ClientFlow.serverHello(offer, serverHello, message);
            }
            ProtocolVersion selected = SupportedVersions.decodeSelected(supportedVersions);
            // RFC 8446 §4.2.1: the selected version must be one the client offered, and TLS 1.3 or later.
            if (!selected.equals(ProtocolVersion.TLS13) || !offer.offersTls13()) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server selected " + selected + " in supported_versions, which the client did not offer");
            }
            if (serverHello.isHelloRetryRequest()) {
                if (offer.retried()) {
                    throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                        "received a second HelloRetryRequest (RFC 8446 §4.1.4 allows one)");
                }
                return new ExpectServerHello(Tls13ClientFlow.helloRetryRequest(offer, serverHello, message));
            }
            return Tls13ClientFlow.serverHello(offer, serverHello, message);
        }

        @Override
        public String waitingFor() {
            return offer.retried() ? "waiting for ServerHello after HelloRetryRequest" : "waiting for ServerHello";
        }
    }
}
