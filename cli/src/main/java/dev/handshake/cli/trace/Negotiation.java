package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.ServerHello;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one connection has shown so far, as far as decoding later messages needs it: the version
 * and suite the ServerHello chose, and which sides already encrypt.
 */
public final class Negotiation {

    private CipherSuite suite;
    private ProtocolVersion version;
    private final Set<Side> encrypting = EnumSet.noneOf(Side.class);

    /** RFC 8446 §4.2.1: a TLS 1.3 ServerHello names the version in supported_versions. */
    void serverHello(ServerHello hello) throws TlsException {
        suite = hello.cipherSuite();
        Extension versions = hello.extensions().find(ExtensionType.SUPPORTED_VERSIONS);
        version = versions != null
            ? new ProtocolVersion(versions.reader().u16("selected_version"))
            : hello.legacyVersion();
        if (tls13()) {
            // RFC 8446 §2: everything after the ServerHello is encrypted, in both directions.
            encrypting.add(Side.CLIENT);
            encrypting.add(Side.SERVER);
        }
    }

    /** TLS 1.2: from its ChangeCipherSpec on, a side's records are encrypted. */
    void changeCipherSpec(Side sender) {
        encrypting.add(sender);
    }

    public boolean encrypts(Side sender) {
        return encrypting.contains(sender);
    }

    /** The version the server chose, or null before the ServerHello. */
    public ProtocolVersion version() {
        return version;
    }

    public boolean tls13() {
        return ProtocolVersion.TLS13.equals(version);
    }

    /** The key exchange of a supported TLS 1.2 suite, or null. */
    public CipherSuite.KeyExchange keyExchange() {
        return suite != null && suite.isSupported() ? suite.keyExchange() : null;
    }
}
