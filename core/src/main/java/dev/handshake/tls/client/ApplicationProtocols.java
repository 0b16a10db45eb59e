package dev.handshake.tls.client;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ProtocolNameList;

import java.util.List;

/** The client's check of the server's ALPN answer (RFC 7301 §3.1), in ServerHello or EncryptedExtensions. */
final class ApplicationProtocols {

    private ApplicationProtocols() {
    }

    /** The protocol the server chose, or {@code null} when it sent no ALPN extension. */
    static String chosen(HandshakeContext context, Extension extension) throws TlsException {
        if (extension == null) {
            return null;
        }
        List<String> chosen = ProtocolNameList.decode(extension).protocols();
        // RFC 7301 §3.1: exactly one protocol, and one the client offered.
        if (chosen.size() != 1) {
            throw new TlsException(AlertDescription.DECODE_ERROR,
                "the server's ALPN answer names " + chosen.size() + " protocols instead of one");
        }
        if (!context.config().applicationProtocols().contains(chosen.get(0))) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server chose the ALPN protocol '" + chosen.get(0) + "', which the client did not offer");
        }
        return chosen.get(0);
    }
}
