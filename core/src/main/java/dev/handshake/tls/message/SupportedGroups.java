package dev.handshake.tls.message;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/** The supported_groups extension (RFC 8446 §4.2.7, RFC 8422 §5.1.1, RFC 7919 §3). */
public record SupportedGroups(List<NamedGroup> groups) {

    public SupportedGroups {
        groups = List.copyOf(groups);
    }

    public static SupportedGroups decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u16Prefixed("named_group_list");
        reader.expectEnd();
        if (list.remaining() < 2 || list.remaining() % 2 != 0) {
            throw list.error("length " + list.remaining() + " is not a positive multiple of 2");
        }
        List<NamedGroup> groups = new ArrayList<>();
        while (list.hasRemaining()) {
            groups.add(new NamedGroup(list.u16("named_group")));
        }
        return new SupportedGroups(groups);
    }

    public Extension toExtension() {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u16Prefixed()) {
            for (NamedGroup group : groups) {
                writer.u16(group.code());
            }
        }
        return new Extension(ExtensionType.SUPPORTED_GROUPS, writer.toByteArray());
    }
}
