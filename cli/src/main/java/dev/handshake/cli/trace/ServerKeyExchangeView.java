package dev.handshake.cli.trace;

import dev.handshake.tls.message.ServerKeyExchange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** ServerKeyExchange: the server's ephemeral key share and its signature over both randoms. */
final class ServerKeyExchangeView {

    private ServerKeyExchangeView() {
    }

    static MessageView of(ServerKeyExchange message) {
        List<Field> fields = new ArrayList<>();
        if (message.params() instanceof ServerKeyExchange.EcdheParams ec) {
            fields.add(new Field("curve", ec.group().name()));
            fields.add(new Field("server's public value", Hex.head(ec.publicKey())));
        } else if (message.params() instanceof ServerKeyExchange.DheParams dh) {
            fields.add(new Field("prime p", new BigInteger(1, dh.p()).bitLength() + "-bit prime " + Hex.head(dh.p())));
            fields.add(new Field("generator g", new BigInteger(1, dh.g()).toString()));
            fields.add(new Field("server's public value", "Ys = g^x mod p, " + Hex.head(dh.ys())));
        }
        fields.add(new Field("signature algorithm", message.scheme().name()));
        fields.add(new Field("signature", Hex.head(message.signature())
            + "\nover client_random + server_random + the parameters above, with the certificate's key"));
        return new MessageView("ServerKeyExchange",
            "The server's fresh (ephemeral) Diffie-Hellman key share. It signs the share together with both randoms, "
                + "so the client knows it comes from the certificate's owner and belongs to this handshake.", fields);
    }
}
