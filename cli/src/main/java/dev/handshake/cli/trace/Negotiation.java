package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.SupportedVersions;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one connection has shown so far, as far as reading later messages needs it: the groups of
 * the client's key shares, the version and suite the ServerHello chose, whether a HelloRetryRequest
 * came first, and which sides already encrypt.
 */
public final class Negotiation {

    private CipherSuite suite;
    private ProtocolVersion version;
    private List<NamedGroup> clientShareGroups = List.of();
    private boolean helloRetried;
    private final Set<Side> encrypting = EnumSet.noneOf(Side.class);

    /** RFC 8446 §4.2.8: the groups the client sent key shares for, none when it offers only TLS 1.2. */
    void clientHello(ClientHello hello) throws TlsException {
        Extension shares = hello.extensions().find(ExtensionType.KEY_SHARE);
        clientShareGroups = shares == null ? List.of()
            : KeyShareExtension.decodeClientShares(shares).stream().map(KeyShareEntry::group).toList();
    }

    /** RFC 8446 §4.2.1: a TLS 1.3 ServerHello (or HelloRetryRequest) names the version in supported_versions. */
    void serverHello(ServerHello hello) throws TlsException {
        suite = hello.cipherSuite();
        Extension versions = hello.extensions().find(ExtensionType.SUPPORTED_VERSIONS);
        version = versions != null ? SupportedVersions.decodeSelected(versions) : hello.legacyVersion();
        helloRetried |= hello.isHelloRetryRequest();
    }

    /** A message or ChangeCipherSpec crossed the wire: whether it was protected tells whether its sender encrypts now. */
    void sent(Side sender, boolean protectedRecord) {
        if (protectedRecord) {
            encrypting.add(sender);
        }
    }

    /** Whether {@code sender}'s records are encrypted by now. */
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

    /** Whether the server answered the first ClientHello with a HelloRetryRequest. */
    public boolean helloRetried() {
        return helloRetried;
    }

    /** The groups of the key shares in the client's latest ClientHello. */
    public List<NamedGroup> clientShareGroups() {
        return clientShareGroups;
    }

    /** The key exchange of a supported TLS 1.2 suite, or null. */
    public CipherSuite.KeyExchange keyExchange() {
        return suite != null && suite.isSupported() ? suite.keyExchange() : null;
    }
}
