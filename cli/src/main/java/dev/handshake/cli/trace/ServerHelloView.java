package dev.handshake.cli.trace;

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
        fields.add(new Field("server random", Hex.of(hello.random())));
        fields.add(new Field("session id", hello.sessionId().length == 0 ? "(empty: not resumable)" : Hex.head(hello.sessionId())));
        fields.add(new Field("cipher suite", hello.cipherSuite().name() + "\n" + Names.anatomy(hello.cipherSuite())));
        fields.add(new Field("compression", hello.compressionMethod() == 0 ? "null (none)" : "method " + hello.compressionMethod()));
        fields.addAll(ExtensionText.fields(hello.extensions()));
        return new MessageView("ServerHello",
            "The server chooses among the client's offers: the version, one cipher suite, and its own 32 random bytes.",
            fields);
    }
}
