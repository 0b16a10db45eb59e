package dev.handshake.cli.trace;

import dev.handshake.tls.message.Handshake;

import java.util.ArrayList;
import java.util.List;

/** Any handshake message, decoded or not: its type, length and first bytes. */
final class GenericView {

    private GenericView() {
    }

    static MessageView of(Handshake message, String purpose, String problem) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("type", message.type().name() + " (" + message.type().code() + ")"));
        fields.add(new Field("length", message.body().length + " bytes"));
        if (message.body().length > 0) {
            fields.add(new Field("body", Hex.head(message.body())));
        }
        if (problem != null) {
            fields.add(new Field("note", problem));
        }
        return new MessageView(message.type().name(), purpose, fields);
    }
}
