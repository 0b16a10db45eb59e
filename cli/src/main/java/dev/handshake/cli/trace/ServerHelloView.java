package dev.handshake.cli.trace;

import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.ServerHello;

import java.util.ArrayList;
import java.util.List;

/** ServerHello: the server's choices and its random. */
final class ServerHelloView {

    private ServerHelloView() {
    }

    static MessageView of(ServerHello hello, Negotiation negotiation) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("version", Names.version(hello.legacyVersion())
            + (negotiation.version().equals(hello.legacyVersion()) ? "" : ", negotiated " + negotiation.version().name())));
        fields.add(new Field("server random", Hex.of(hello.random()) + (hello.hasDowngradeSentinel()
            ? "\nends with \"DOWNGRD\": a TLS 1.3 server agreed to an older version (RFC 8446 §4.1.3); a client that "
                + "offered TLS 1.3 would stop here, so an attacker cannot force the downgrade" : "")));
        fields.add(new Field("session id", hello.sessionId().length == 0 ? "(empty: not resumable)"
            : Hex.head(hello.sessionId()) + (negotiation.tls13() ? ", echoed from the ClientHello" : "")));
        fields.add(new Field("cipher suite", hello.cipherSuite().name() + "\n" + Names.anatomy(hello.cipherSuite())));
        fields.add(new Field("compression", hello.compressionMethod() == 0 ? "null (none)" : "method " + hello.compressionMethod()));
        fields.addAll(ExtensionText.fields(hello.extensions(), ExtensionText.In.SERVER_HELLO));
        if (!negotiation.tls13()) {
            return new MessageView("ServerHello",
                "The server chooses among the client's offers: the version, one cipher suite, and its own 32 random bytes.",
                fields);
        }
        boolean resumed = hello.extensions().has(ExtensionType.PRE_SHARED_KEY);
        return new MessageView("ServerHello",
            "The server chooses TLS 1.3, one cipher suite, and answers the client's key share with its own, in the same "
                + "group. With the two shares each side computes the same shared secret and the handshake keys: "
                + "everything after this message is encrypted."
                + (resumed ? " It accepts the client's session ticket: the session resumes, authenticated by the ticket's "
                    + "pre-shared key instead of a certificate." : ""), fields);
    }
}
