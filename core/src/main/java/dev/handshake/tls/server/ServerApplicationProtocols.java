package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ProtocolNameList;

import java.util.List;

/** The server's ALPN choice (RFC 7301 §3.2), the same in TLS 1.2 and 1.3. */
final class ServerApplicationProtocols {

    private ServerApplicationProtocols() {
    }

    /**
     * The server's most preferred protocol that the client also offers; {@code null} when either side
     * has no ALPN; no_application_protocol when both have lists without a protocol in common.
     */
    static String choose(TlsConfig config, Extension extension) throws TlsException {
        if (extension == null) {
            return null;
        }
        List<String> offered = ProtocolNameList.decode(extension).protocols();
        List<String> ours = config.applicationProtocols();
        if (ours.isEmpty()) {
            return null;
        }
        for (String protocol : ours) {
            if (offered.contains(protocol)) {
                return protocol;
            }
        }
        throw new TlsException(AlertDescription.NO_APPLICATION_PROTOCOL,
            "no application protocol in common: the client offers " + offered + ", this server speaks " + ours);
    }
}
