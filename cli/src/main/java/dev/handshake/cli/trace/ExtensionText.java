package dev.handshake.cli.trace;

import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.Reader;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hello extensions read out: one field per extension, decoded where Handshake has a codec for it.
 * TLS 1.3's own extensions, whose shape depends on the message they are in, are read by
 * {@link Tls13ExtensionText}.
 */
final class ExtensionText {

    /** The message an extension block belongs to. */
    enum In { CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST, ENCRYPTED_EXTENSIONS, CERTIFICATE_REQUEST, NEW_SESSION_TICKET }

    private ExtensionText() {
    }

    static List<Field> fields(Extensions extensions, In in) {
        List<Field> fields = new ArrayList<>();
        for (Extension extension : extensions.list()) {
            fields.add(new Field(extension.type().name(), value(extension, in)));
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

    private static String value(Extension extension, In in) {
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
                case 41 -> Tls13ExtensionText.preSharedKey(extension, in);
                case 43 -> Tls13ExtensionText.supportedVersions(extension, in);
                case 44 -> Tls13ExtensionText.cookie(extension, in);
                case 45 -> Tls13ExtensionText.pskModes(extension);
                case 51 -> Tls13ExtensionText.keyShare(extension, in);
                case 0xFF01 -> extension.data().length == 1 && extension.data()[0] == 0
                    ? "initial handshake; renegotiation is protected (RFC 5746)" : Hex.head(extension.data());
                default -> extension.data().length == 0 ? "(empty)" : Hex.head(extension.data());
            };
        } catch (TlsException | RuntimeException e) {
            return Hex.head(extension.data()) + " (not decoded: " + e.getMessage() + ")";
        }
    }
}
