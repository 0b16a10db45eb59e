package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;

import java.util.List;

/** What a TLS 1.3 ClientHello must carry, and in which form (RFC 8446 §4.1.2, §4.2, §9.2). */
final class ClientHelloChecks {

    private ClientHelloChecks() {
    }

    static void tls13(ClientHello hello) throws TlsException {
        byte[] compression = hello.compressionMethods();
        if (compression.length != 1 || compression[0] != 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "a TLS 1.3 ClientHello must offer exactly the null compression method (RFC 8446 §4.1.2)");
        }
        for (ExtensionType required : List.of(ExtensionType.SUPPORTED_GROUPS, ExtensionType.KEY_SHARE,
                ExtensionType.SIGNATURE_ALGORITHMS)) {
            if (!hello.extensions().has(required)) {
                throw new TlsException(AlertDescription.MISSING_EXTENSION,
                    "the TLS 1.3 ClientHello lacks the " + required.name() + " extension (RFC 8446 §9.2)");
            }
        }
        List<Extension> extensions = hello.extensions().list();
        Extension psk = hello.extensions().find(ExtensionType.PRE_SHARED_KEY);
        if (psk != null) {
            // RFC 8446 §4.2.11: pre_shared_key must be the last extension, and needs psk_key_exchange_modes.
            if (extensions.get(extensions.size() - 1) != psk) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "pre_shared_key is not the last extension of the ClientHello (RFC 8446 §4.2.11)");
            }
            if (!hello.extensions().has(ExtensionType.PSK_KEY_EXCHANGE_MODES)) {
                throw new TlsException(AlertDescription.MISSING_EXTENSION,
                    "pre_shared_key comes without psk_key_exchange_modes (RFC 8446 §4.2.9)");
            }
        }
    }
}
