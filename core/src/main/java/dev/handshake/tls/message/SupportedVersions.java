package dev.handshake.tls.message;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The supported_versions extension (RFC 8446 §4.2.1): the client's
 * {@code ProtocolVersion versions<2..254>}, most preferred first, or the server's one selected version.
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

    /** ServerHello and HelloRetryRequest: {@code ProtocolVersion selected_version}. */
    public static ProtocolVersion decodeSelected(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        ProtocolVersion version = new ProtocolVersion(reader.u16("selected_version"));
        reader.expectEnd();
        return version;
    }

    public static Extension selected(ProtocolVersion version) {
        return new Extension(ExtensionType.SUPPORTED_VERSIONS,
            new byte[] {(byte) (version.code() >>> 8), (byte) version.code()});
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
