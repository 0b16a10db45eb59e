package dev.handshake.cli.trace;

import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Cookie;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.PskKeyExchangeModes;
import dev.handshake.tls.message.Reader;
import dev.handshake.tls.message.SupportedVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The extensions TLS 1.3 added (RFC 8446 §4.2), read out. Most have one shape in ClientHello and
 * another in ServerHello or HelloRetryRequest.
 */
final class Tls13ExtensionText {

    private Tls13ExtensionText() {
    }

    /** The client's versions, most preferred first; or the one the server selected. */
    static String supportedVersions(Extension extension, ExtensionText.In in) throws TlsException {
        if (in == ExtensionText.In.CLIENT_HELLO) {
            return SupportedVersions.decode(extension).versions().stream().map(ProtocolVersion::name)
                .collect(Collectors.joining(", "));
        }
        return SupportedVersions.decodeSelected(extension).name()
            + ": this extension, not the version field, names the version (RFC 8446 §4.2.1)";
    }

    /** The client's key shares; the server's one share; or the group a HelloRetryRequest asks for. */
    static String keyShare(Extension extension, ExtensionText.In in) throws TlsException {
        return switch (in) {
            case CLIENT_HELLO -> {
                List<KeyShareEntry> shares = KeyShareExtension.decodeClientShares(extension);
                if (shares.isEmpty()) {
                    yield "none: the client lets the server pick a group, at the price of a HelloRetryRequest";
                }
                yield shares.stream().map(s -> s.group().name() + ": client's public value " + Hex.head(s.keyExchange()))
                    .collect(Collectors.joining("\n"));
            }
            case HELLO_RETRY_REQUEST -> KeyShareExtension.decodeSelectedGroup(extension).name()
                + ": the group the server wants a key share for";
            default -> {
                KeyShareEntry share = KeyShareExtension.decodeServerShare(extension);
                yield share.group().name() + ": server's public value " + Hex.head(share.keyExchange());
            }
        };
    }

    /** The client's offered tickets and binders; or the one the server selected. */
    static String preSharedKey(Extension extension, ExtensionText.In in) throws TlsException {
        if (in != ExtensionText.In.CLIENT_HELLO) {
            return "ticket #" + PreSharedKey.decodeSelected(extension) + " accepted: the session resumes from its "
                + "pre-shared key, so no certificate is sent";
        }
        PreSharedKey.Offered offered = PreSharedKey.decodeOffered(extension);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < offered.identities().size(); i++) {
            PreSharedKey.Identity identity = offered.identities().get(i);
            lines.add("ticket #" + i + "  " + identity.identity().length + " bytes, opaque to the client; "
                + "obfuscated_ticket_age " + identity.obfuscatedTicketAge());
            lines.add("binder     " + Hex.head(offered.binders().get(i)));
        }
        lines.add("each binder = HMAC over this ClientHello up to the binders, keyed from the ticket's PSK: proof that "
            + "the client holds the PSK (RFC 8446 §4.2.11.2)");
        return String.join("\n", lines);
    }

    /** RFC 8446 §4.2.9: {@code PskKeyExchangeMode ke_modes<1..255>}. */
    static String pskModes(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader modes = reader.u8Prefixed("ke_modes");
        reader.expectEnd();
        List<String> names = new ArrayList<>();
        while (modes.hasRemaining()) {
            int mode = modes.u8("ke_mode");
            names.add(switch (mode) {
                case PskKeyExchangeModes.PSK_DHE_KE ->
                    "psk_dhe_ke: a resumed session still makes a fresh (EC)DHE exchange, so it keeps forward secrecy";
                case PskKeyExchangeModes.PSK_KE -> "psk_ke: a resumed session may use the PSK alone, without forward secrecy";
                default -> "mode " + mode;
            });
        }
        return String.join("\n", names);
    }

    /** The cookie a HelloRetryRequest gives and the second ClientHello returns (RFC 8446 §4.2.2). */
    static String cookie(Extension extension, ExtensionText.In in) throws TlsException {
        String cookie = Hex.head(Cookie.decode(extension));
        return in == ExtensionText.In.CLIENT_HELLO ? cookie + ", returned from the HelloRetryRequest"
            : cookie + "\nthe client must return it in its second ClientHello: proof that it receives at its address";
    }
}
