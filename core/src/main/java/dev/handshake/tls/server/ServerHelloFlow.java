package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.SupportedVersions;

import java.util.ArrayList;
import java.util.List;

/**
 * The start of every server handshake: the ClientHello's versions decide which flow answers it —
 * the one branch where the version is chosen (RFC 8446 §4.2.1, RFC 5246 Appendix E.1).
 */
public final class ServerHelloFlow {

    private ServerHelloFlow() {
    }

    public static HandshakeState start(HandshakeContext context) {
        return new ExpectClientHello(context);
    }

    /** Waiting for ClientHello. */
    private record ExpectClientHello(HandshakeContext context) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            ClientHello hello = ClientHello.decode(message.expect(HandshakeType.CLIENT_HELLO, waitingFor()));
            TlsConfig config = context.config();
            List<ProtocolVersion> offered = offeredVersions(hello);
            boolean tls13 = config.tls13() && offered.contains(ProtocolVersion.TLS13);
            boolean tls12 = config.tls12() && offered.contains(ProtocolVersion.TLS12);
            ProtocolVersion highest = config.tls13() ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
            // RFC 7507: a client retrying with a lower version than it supports says so; this server could do better.
            if (hello.cipherSuites().contains(CipherSuite.TLS_FALLBACK_SCSV) && !offered.contains(highest)) {
                throw new TlsException(AlertDescription.INAPPROPRIATE_FALLBACK, "the client fell back to an older "
                    + "version (TLS_FALLBACK_SCSV) although this server supports " + highest + ": a downgrade attack?");
            }
            if (tls13) {
                return Tls13ServerFlow.clientHello(context, hello, message);
            }
            if (tls12) {
                return Tls12ServerFlow.clientHello(context, hello, message, config.tls13());
            }
            throw new TlsException(AlertDescription.PROTOCOL_VERSION, "the client offers " + offered
                + (offered.isEmpty() ? " (nothing newer than " + hello.legacyVersion() + ")" : "")
                + "; this server speaks " + (config.tls13() && config.tls12() ? "TLS 1.2 and 1.3"
                : config.tls13() ? "only TLS 1.3" : "only TLS 1.2")
                + " (SSL 3, TLS 1.0 and 1.1 are broken)");
        }

        /** RFC 8446 §4.2.1: supported_versions when present; otherwise legacy_version is the client's highest. */
        private static List<ProtocolVersion> offeredVersions(ClientHello hello) throws TlsException {
            Extension supportedVersions = hello.extensions().find(ExtensionType.SUPPORTED_VERSIONS);
            if (supportedVersions != null) {
                List<ProtocolVersion> known = new ArrayList<>();
                for (ProtocolVersion version : SupportedVersions.decode(supportedVersions).versions()) {
                    if (version.equals(ProtocolVersion.TLS12) || version.equals(ProtocolVersion.TLS13)) {
                        known.add(version);
                    }
                }
                return known;
            }
            return hello.legacyVersion().code() >= ProtocolVersion.TLS12.code()
                ? List.of(ProtocolVersion.TLS12) : List.of();
        }

        @Override
        public String waitingFor() {
            return "waiting for ClientHello";
        }
    }
}
