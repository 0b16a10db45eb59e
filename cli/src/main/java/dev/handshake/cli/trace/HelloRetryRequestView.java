package dev.handshake.cli.trace;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.ServerHello;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** HelloRetryRequest (RFC 8446 §4.1.4): a ServerHello with a special random, asking the client to try again. */
final class HelloRetryRequestView {

    private HelloRetryRequestView() {
    }

    static MessageView of(ServerHello hello, Negotiation negotiation) throws TlsException {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("version", Names.version(hello.legacyVersion()) + "; TLS 1.3 in supported_versions"));
        fields.add(new Field("random", Hex.of(hello.random())
            + "\n= SHA-256(\"HelloRetryRequest\"): what makes this ServerHello a HelloRetryRequest"));
        fields.add(new Field("session id", Hex.head(hello.sessionId()) + ", echoed from the ClientHello"));
        fields.add(new Field("cipher suite", hello.cipherSuite().name() + "\n" + Names.anatomy(hello.cipherSuite())));
        fields.addAll(ExtensionText.fields(hello.extensions(), ExtensionText.In.HELLO_RETRY_REQUEST));
        Extension keyShare = hello.extensions().find(ExtensionType.KEY_SHARE);
        String why;
        if (keyShare != null) {
            NamedGroup wanted = KeyShareExtension.decodeSelectedGroup(keyShare);
            List<NamedGroup> sent = negotiation.clientShareGroups();
            why = "The client's key share " + (sent.isEmpty() ? "list was empty"
                : "was for " + sent.stream().map(NamedGroup::name).collect(Collectors.joining(", "))
                    + (sent.size() == 1 ? ", a group" : ", groups") + " the server does not take")
                + "; the server asks for a share in " + wanted.name()
                + ", which the client listed in supported_groups.";
        } else {
            why = "The client's key share suits the server, but it wants the client's address confirmed first.";
        }
        boolean cookie = hello.extensions().has(ExtensionType.COOKIE);
        return new MessageView("HelloRetryRequest",
            "Not a ServerHello but a request to say hello again. " + why
                + (cookie ? " The cookie must come back in the second ClientHello: it proves the client receives at "
                    + "its address, and lets a server keep no state until then." : "")
                + " It costs one more round trip; no key is agreed yet.", fields);
    }
}
