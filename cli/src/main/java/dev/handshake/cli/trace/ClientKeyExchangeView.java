package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.message.ClientKeyExchange;

import java.util.List;

/** ClientKeyExchange: the encrypted pre-master secret (RSA) or the client's key share ((EC)DHE). */
final class ClientKeyExchangeView {

    private ClientKeyExchangeView() {
    }

    static MessageView of(ClientKeyExchange message) {
        if (message.keyExchange() == KeyExchange.RSA) {
            return new MessageView("ClientKeyExchange",
                "The client chose a 48-byte pre-master secret and encrypted it with the server's RSA public key from "
                    + "the certificate (RSAES-PKCS1-v1_5). Only the holder of the private key can read it, and that "
                    + "is all the server proves: nothing is signed. Whoever obtains that key later can decrypt a "
                    + "recording of this connection.",
                List.of(new Field("encrypted pre-master secret", Hex.head(message.exchangeKeys()))));
        }
        return new MessageView("ClientKeyExchange",
            "The client's fresh key share. Each side combines its own private half with the other's public half "
                + "and gets the same pre-master secret, which never crosses the wire.",
            List.of(new Field("client's public value", Hex.head(message.exchangeKeys()))));
    }
}
