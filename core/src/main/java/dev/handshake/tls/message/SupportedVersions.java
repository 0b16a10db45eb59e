package dev.handshake.tls.message;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The supported_versions extension (RFC 8446 §4.2.1) as a client sends it:
 * {@code ProtocolVersion versions<2..254>}, most preferred first.
 */
public record SupportedVersions(List<ProtocolVersion> versions) {

    public SupportedVersions {
        versions = List.copyOf(versions);
    }

    public static SupportedVersions decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u8Prefixed("versions");
        reader.expectEnd();
        if (list.remaining() < 2 || list.remaining() % 2 != 0) {
            throw list.error("length " + list.remaining() + " is not a positive multiple of 2");
        }
        List<ProtocolVersion> versions = new ArrayList<>();
        while (list.hasRemaining()) {
            versions.add(new ProtocolVersion(list.u16("version")));
        }
        return new SupportedVersions(versions);
    }

    public Extension toExtension() {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u8Prefixed()) {
            for (ProtocolVersion version : versions) {
                writer.u16(version.code());
            }
        }
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, writer.toByteArray());
    }
}
