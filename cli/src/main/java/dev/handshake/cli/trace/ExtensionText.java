package dev.handshake.cli.trace;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.Reader;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.message.SupportedVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Hello extensions read out: one field per extension, decoded where Handshake has a codec for it. */
final class ExtensionText {

    private ExtensionText() {
    }

    static List<Field> fields(Extensions extensions) {
        List<Field> fields = new ArrayList<>();
        for (Extension extension : extensions.list()) {
            fields.add(new Field(extension.type().name(), value(extension)));
        }
        return fields;
    }

    /** RFC 8422 §5.1.2: ECPointFormat ec_point_format_list<1..2^8-1>. */
    private static String pointFormats(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        byte[] formats = reader.opaque8("ec_point_format_list");
        reader.expectEnd();
        List<String> names = new ArrayList<>();
        for (byte format : formats) {
            names.add(switch (format) {
                case 0 -> "uncompressed";
                case 1 -> "ansiX962_compressed_prime";
                case 2 -> "ansiX962_compressed_char2";
                default -> "format " + (format & 0xFF);
            });
        }
        return String.join(", ", names);
    }

    private static String value(Extension extension) {
        try {
            return switch (extension.type().code()) {
                case 0 -> extension.data().length == 0 ? "(empty: the server used the name the client sent)"
                    : ServerNameList.decode(extension).hostName();
                case 10 -> SupportedGroups.decode(extension).groups().stream().map(NamedGroup::name)
                    .collect(Collectors.joining(", "));
                case 11 -> pointFormats(extension);
                case 13, 50 -> SignatureAlgorithms.decode(extension).schemes().stream().map(SignatureScheme::name)
                    .collect(Collectors.joining(", "));
                case 16 -> String.join(", ", ProtocolNameList.decode(extension).protocols());
                case 23 -> "the master secret hashes the whole handshake, binding it to this connection (RFC 7627)";
                case 43 -> extension.data().length == 2
                    ? new ProtocolVersion(extension.reader().u16("selected_version")).name()
                    : SupportedVersions.decode(extension).versions().stream().map(ProtocolVersion::name)
                        .collect(Collectors.joining(", "));
                case 0xFF01 -> extension.data().length == 1 && extension.data()[0] == 0
                    ? "initial handshake; renegotiation is protected (RFC 5746)" : Hex.head(extension.data());
                default -> extension.data().length == 0 ? "(empty)" : Hex.head(extension.data());
            };
        } catch (TlsException | RuntimeException e) {
            return Hex.head(extension.data()) + " (not decoded: " + e.getMessage() + ")";
        }
    }
}
