package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The application_layer_protocol_negotiation extension (RFC 7301 §3.1): the client's list of
 * protocols, or the server's single choice.
 */
public record ProtocolNameList(List<String> protocols) {

    public ProtocolNameList {
        protocols = List.copyOf(protocols);
        for (String protocol : protocols) {
            int length = protocol.getBytes(StandardCharsets.UTF_8).length;
            if (length < 1 || length > 255) {
                throw new IllegalArgumentException("ALPN protocol name must be 1 to 255 bytes: '" + protocol + "'");
            }
        }
    }

    public static ProtocolNameList decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u16Prefixed("protocol_name_list");
        reader.expectEnd();
        if (!list.hasRemaining()) {
            throw list.error("the list of protocols is empty");
        }
        List<String> protocols = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] name = list.opaque8("protocol_name");
            // RFC 7301 §3.1: empty strings MUST NOT be included.
            if (name.length == 0) {
                throw list.error("an empty protocol name");
            }
            protocols.add(new String(name, StandardCharsets.UTF_8));
        }
        return new ProtocolNameList(protocols);
    }

    public Extension toExtension() {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u16Prefixed()) {
            for (String protocol : protocols) {
                writer.opaque8(protocol.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Extension(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, writer.toByteArray());
    }
}
