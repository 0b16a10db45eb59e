package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The extension block of a hello message, in wire order, each type at most once. */
public record Extensions(List<Extension> list) {

    public static final Extensions NONE = new Extensions(List.of());

    public Extensions {
        list = List.copyOf(list);
    }

    /**
     * Reads {@code Extension extensions<0..2^16-1>}. In TLS 1.2 hellos the whole block may be
     * absent (RFC 5246 §7.4.1.2), so an exhausted reader yields {@link #NONE}.
     */
    public static Extensions decode(Reader reader) throws TlsException {
        if (!reader.hasRemaining()) {
            return NONE;
        }
        Reader block = reader.u16Prefixed("extensions");
        List<Extension> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (block.hasRemaining()) {
            ExtensionType type = new ExtensionType(block.u16("extension_type"));
            byte[] data = block.opaque16(type.name());
            // RFC 8446 §4.2 and RFC 5246 §7.4.1.4: no more than one extension of each type.
            if (!seen.add(type.code())) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    reader.context() + " carries the " + type.name() + " extension twice");
            }
            list.add(new Extension(type, data));
        }
        return new Extensions(list);
    }

    public void encode(Writer writer) {
        try (Writer.Length block = writer.u16Prefixed()) {
            for (Extension extension : list) {
                writer.u16(extension.type().code());
                writer.opaque16(extension.data());
            }
        }
    }

    /** The extension of this type, or {@code null}. */
    public Extension find(ExtensionType type) {
        for (Extension extension : list) {
            if (extension.type().equals(type)) {
                return extension;
            }
        }
        return null;
    }

    public boolean has(ExtensionType type) {
        return find(type) != null;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
