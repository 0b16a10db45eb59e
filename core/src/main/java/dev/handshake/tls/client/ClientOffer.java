package dev.handshake.tls.client;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.SessionCache;
import dev.handshake.tls.SessionTicket;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.Tls13Keys;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Cookie;
import dev.handshake.tls.message.EcPointFormats;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.PskKeyExchangeModes;
import dev.handshake.tls.message.RenegotiationInfo;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.message.SupportedVersions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client offered in its ClientHello — versions, suites, key shares (with their private
 * halves) and perhaps a session ticket — and the transcript that starts with it. The ServerHello
 * is checked against it; after a HelloRetryRequest a second offer is made from it.
 *
 * @param shares our key shares by group (TLS 1.3 only)
 * @param ticket the session ticket offered for resumption, or {@code null}
 * @param helloRetrySuite the suite a HelloRetryRequest chose, or {@code null} for the first offer
 */
record ClientOffer(HandshakeContext context, ClientHello hello, TranscriptHash transcript,
                   Map<NamedGroup, KeyShare> shares, SessionTicket ticket, CipherSuite helloRetrySuite) {

    boolean retried() {
        return helloRetrySuite != null;
    }

    boolean offersTls13() {
        return hello.extensions().has(ExtensionType.SUPPORTED_VERSIONS);
    }

    boolean offersTls12() {
        for (CipherSuite suite : hello.cipherSuites()) {
            if (suite.isSupported() && !suite.isTls13()) {
                return true;
            }
        }
        return false;
    }

    /** The first ClientHello: every enabled version, one key share, and a ticket if the cache has one. */
    static ClientOffer first(HandshakeContext context) throws TlsException {
        TlsConfig config = context.config();
        byte[] random = new byte[ClientHello.RANDOM_LENGTH];
        config.random().nextBytes(random);
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuite suite : config.cipherSuites()) {
            if (suite.isTls13() ? config.tls13() : config.tls12()) {
                suites.add(suite);
            }
        }
        byte[] sessionId = new byte[0];
        Map<NamedGroup, KeyShare> shares = new LinkedHashMap<>();
        SessionTicket ticket = null;
        if (config.tls13()) {
            // RFC 8446 Appendix D.4: a non-empty legacy_session_id lets middleboxes see a resumption.
            sessionId = new byte[32];
            config.random().nextBytes(sessionId);
            NamedGroup group = config.namedGroups().get(0);
            shares.put(group, KeyShare.generate(group, true, config.crypto(), config.random()));
            ticket = usableTicket(context, suites);
        }
        return send(context, new TranscriptHash(), random, sessionId, suites, shares, ticket, null, null);
    }

    /** RFC 8446 §4.1.2: the second ClientHello after a HelloRetryRequest, with the share it asked for. */
    ClientOffer retry(NamedGroup group, byte[] cookie, CipherSuite suite) throws TlsException {
        TlsConfig config = context.config();
        Map<NamedGroup, KeyShare> newShares = new LinkedHashMap<>();
        if (group != null) {
            newShares.put(group, KeyShare.generate(group, true, config.crypto(), config.random()));
        } else {
            newShares.putAll(shares);
        }
        // A ticket whose hash differs from the suite the server chose cannot be used (RFC 8446 §4.1.4).
        SessionTicket sameHash = ticket != null && ticket.cipherSuite().hash() == suite.hash() ? ticket : null;
        return send(context, transcript, hello.random(), hello.sessionId(), hello.cipherSuites(), newShares,
            sameHash, cookie, suite);
    }

    private static SessionTicket usableTicket(HandshakeContext context, List<CipherSuite> suites) {
        SessionCache cache = context.config().sessionCache();
        String name = context.peerName();
        if (cache == null || name == null) {
            return null;
        }
        SessionTicket ticket = cache.take(name, context.now());
        if (ticket != null) {
            for (CipherSuite suite : suites) {
                if (suite.isTls13() && suite.hash() == ticket.cipherSuite().hash()) {
                    return ticket;
                }
            }
        }
        return null;
    }

    private static ClientOffer send(HandshakeContext context, TranscriptHash transcript, byte[] random,
                                    byte[] sessionId, List<CipherSuite> suites, Map<NamedGroup, KeyShare> shares,
                                    SessionTicket ticket, byte[] cookie, CipherSuite helloRetrySuite)
            throws TlsException {
        List<Extension> extensions = extensions(context, suites, shares, cookie);
        ClientHello hello = new ClientHello(ProtocolVersion.TLS12, random, sessionId, suites, new byte[] {0},
            new Extensions(extensions));
        if (ticket != null) {
            hello = withBinder(context, transcript, hello, extensions, ticket);
        }
        transcript.add(context.send(hello).raw());
        return new ClientOffer(context, hello, transcript, shares, ticket, helloRetrySuite);
    }

    private static List<Extension> extensions(HandshakeContext context, List<CipherSuite> suites,
                                              Map<NamedGroup, KeyShare> shares, byte[] cookie) {
        TlsConfig config = context.config();
        List<Extension> extensions = new ArrayList<>();
        String name = context.peerName();
        // RFC 6066 §3: literal IP addresses are not sent as server names.
        if (name != null && !isIpLiteral(name)) {
            extensions.add(new ServerNameList(name).toExtension());
        }
        extensions.add(new SupportedGroups(config.namedGroups()).toExtension());
        for (CipherSuite suite : suites) {
            if (!suite.isTls13() && suite.keyExchange() == KeyExchange.ECDHE) {
                extensions.add(EcPointFormats.uncompressedOnly());
                break;
            }
        }
        extensions.add(new SignatureAlgorithms(config.signatureSchemes()).toExtension());
        if (!config.applicationProtocols().isEmpty()) {
            extensions.add(new ProtocolNameList(config.applicationProtocols()).toExtension());
        }
        if (config.tls12()) {
            extensions.add(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET));
            extensions.add(RenegotiationInfo.initial());
        }
        if (config.tls13()) {
            List<ProtocolVersion> versions = config.tls12()
                ? List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12) : List.of(ProtocolVersion.TLS13);
            extensions.add(new SupportedVersions(versions).toExtension());
            List<KeyShareEntry> entries = new ArrayList<>();
            for (Map.Entry<NamedGroup, KeyShare> share : shares.entrySet()) {
                entries.add(new KeyShareEntry(share.getKey(), share.getValue().publicValue()));
            }
            extensions.add(KeyShareExtension.clientShares(entries));
            extensions.add(PskKeyExchangeModes.dheOnly());
            if (cookie != null) {
                extensions.add(Cookie.of(cookie));
            }
        }
        return extensions;
    }

    /**
     * RFC 8446 §4.2.11.2: pre_shared_key comes last; its binder is an HMAC over the transcript up to
     * and including the identities, that is the ClientHello without the binders list.
     */
    private static ClientHello withBinder(HandshakeContext context, TranscriptHash transcript, ClientHello hello,
                                          List<Extension> extensions, SessionTicket ticket) throws TlsException {
        CipherSuite suite = ticket.cipherSuite();
        PreSharedKey.Identity identity = new PreSharedKey.Identity(ticket.ticket(), ticket.obfuscatedAge(context.now()));
        PreSharedKey.Offered placeholder = new PreSharedKey.Offered(List.of(identity),
            List.of(new byte[suite.hash().length()]));
        byte[] raw = withPsk(hello, extensions, placeholder).toHandshake().raw();
        byte[] truncated = Arrays.copyOf(raw, raw.length - placeholder.bindersLength());
        TranscriptHash hashing = transcript;
        if (!transcript.selected()) {
            hashing = new TranscriptHash();
            hashing.select(suite.hash(), context.config().crypto(), false);
        }
        byte[] binder = Tls13Keys.binder(context, suite, ticket.psk(), hashing.currentWith(truncated));
        return withPsk(hello, extensions, new PreSharedKey.Offered(List.of(identity), List.of(binder)));
    }

    private static ClientHello withPsk(ClientHello hello, List<Extension> extensions, PreSharedKey.Offered psk) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(psk.toExtension());
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
            hello.compressionMethods(), new Extensions(all));
    }

    /** Whether the name is an IPv6 literal (it has a colon) or an IPv4 one (only digits and dots). */
    static boolean isIpLiteral(String name) {
        if (name.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !name.isEmpty();
    }
}
