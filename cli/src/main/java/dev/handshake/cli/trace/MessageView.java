package dev.handshake.cli.trace;

import java.util.List;

/**
 * A handshake message decoded for people: its name, a sentence on what it is for, and its fields
 * in wire order with their values read out.
 */
public record MessageView(String name, String purpose, List<Field> fields) {

    public MessageView {
        fields = List.copyOf(fields);
    }
}
