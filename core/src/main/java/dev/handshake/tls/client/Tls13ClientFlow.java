package dev.handshake.tls.client;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.SessionTicket;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TlsSignatures;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.handshake.CertificateVerifyContent;
import dev.handshake.tls.handshake.ClientCertificates;
import dev.handshake.tls.handshake.Connected13;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.handshake.PeerCertificates;
import dev.handshake.tls.handshake.Tls13Keys;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.CertificateRequest13;
import dev.handshake.tls.message.CertificateVerify;
import dev.handshake.tls.message.Cookie;
import dev.handshake.tls.message.EncryptedExtensions;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Finished;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.SignatureAlgorithms;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The TLS 1.3 client handshake (RFC 8446 §2), in the order of the wire:
 *
 * <pre>
 * ClientHello + key_share (+ pre_shared_key) --------&gt;
 *                                  [HelloRetryRequest &lt;--- ClientHello again]
 *                                                   ServerHello + key_share (+ pre_shared_key)
 *                                                {EncryptedExtensions}
 *                                                {CertificateRequest*}
 *                                                {Certificate}          -- not when resuming
 *                                                {CertificateVerify}    -- not when resuming
 *                                    &lt;--------   {Finished}
 * {Certificate*} {CertificateVerify*} {Finished} --------&gt;
 *                                    &lt;--------   [NewSessionTicket]
 * </pre>
 * {} are protected with handshake keys, [] with application keys.
 */
final class Tls13ClientFlow {

    /** Extensions a TLS 1.3 ServerHello may carry (RFC 8446 §4.1.3); a HelloRetryRequest: cookie, not psk. */
    private static final Set<ExtensionType> SERVER_HELLO_EXTENSIONS = Set.of(ExtensionType.SUPPORTED_VERSIONS,
        ExtensionType.KEY_SHARE, ExtensionType.PRE_SHARED_KEY);
    private static final Set<ExtensionType> HELLO_RETRY_EXTENSIONS = Set.of(ExtensionType.SUPPORTED_VERSIONS,
        ExtensionType.KEY_SHARE, ExtensionType.COOKIE);
    /** Extensions that belong in ServerHello, or nowhere, never in EncryptedExtensions (RFC 8446 §4.2). */
    private static final Set<ExtensionType> NOT_IN_ENCRYPTED_EXTENSIONS = Set.of(ExtensionType.SUPPORTED_VERSIONS,
        ExtensionType.KEY_SHARE, ExtensionType.PRE_SHARED_KEY, ExtensionType.PSK_KEY_EXCHANGE_MODES,
        ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.COOKIE, ExtensionType.EXTENDED_MASTER_SECRET,
        ExtensionType.RENEGOTIATION_INFO, ExtensionType.EC_POINT_FORMATS);

    private Tls13ClientFlow() {
    }

    /** What is known once ServerHello is read; the later states carry it. */
    private record Negotiated(ClientOffer offer, CipherSuite suite, Tls13Keys keys, NamedGroup group,
                              String groupName, SessionTicket resumed) {
        HandshakeContext context() {
            return offer.context();
        }

        TlsConfig config() {
            return offer.context().config();
        }

        TranscriptHash transcript() {
            return offer.transcript();
        }
    }

    /** RFC 8446 §4.1.4: the server asks for another key share (or a cookie); the client says hello again. */
    static ClientOffer helloRetryRequest(ClientOffer offer, ServerHello request, Handshake message) throws TlsException {
        HandshakeContext context = offer.context();
        CipherSuite suite = checkCommonFields(offer, request, HELLO_RETRY_EXTENSIONS, "HelloRetryRequest");
        Extension keyShare = request.extensions().find(ExtensionType.KEY_SHARE);
        Extension cookieExtension = request.extensions().find(ExtensionType.COOKIE);
        NamedGroup group = null;
        if (keyShare != null) {
            group = KeyShareExtension.decodeSelectedGroup(keyShare);
            if (!context.config().namedGroups().contains(group) || offer.shares().containsKey(group)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the HelloRetryRequest asks for a "
                    + group + " key share, which the client " + (offer.shares().containsKey(group)
                    ? "already sent" : "does not support"));
            }
        }
        byte[] cookie = cookieExtension == null ? null : Cookie.decode(cookieExtension);
        if (group == null && cookie == null) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the HelloRetryRequest would not change the ClientHello (no key_share, no cookie)");
        }
        TranscriptHash transcript = offer.transcript();
        transcript.select(suite.hash(), context.config().crypto(), false);
        transcript.replaceWithMessageHash();
        transcript.add(message.raw());
        context.negotiated(ProtocolVersion.TLS13);
        if (offer.hello().sessionId().length > 0) {
            // RFC 8446 Appendix D.4: middlebox compatibility, a ChangeCipherSpec before the second flight.
            context.sendChangeCipherSpec();
        }
        return offer.retry(group, cookie, suite);
    }

    /** The server's ServerHello: key share, perhaps the PSK; from here on its records are protected. */
    static HandshakeState serverHello(ClientOffer offer, ServerHello serverHello, Handshake message) throws TlsException {
        HandshakeContext context = offer.context();
        CipherSuite suite = checkCommonFields(offer, serverHello, SERVER_HELLO_EXTENSIONS, "ServerHello");
        if (offer.retried() && !suite.equals(offer.helloRetrySuite())) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the ServerHello chose " + suite
                + " after its HelloRetryRequest chose " + offer.helloRetrySuite());
        }
        Extension keyShareExtension = serverHello.extensions().find(ExtensionType.KEY_SHARE);
        if (keyShareExtension == null) {
            throw new TlsException(AlertDescription.MISSING_EXTENSION,
                "the ServerHello has no key_share; Handshake resumes only with psk_dhe_ke and needs one");
        }
        KeyShareEntry serverShare = KeyShareExtension.decodeServerShare(keyShareExtension);
        KeyShare ourShare = offer.shares().get(serverShare.group());
        if (ourShare == null) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server's key share is for " + serverShare.group() + ", for which the client sent none");
        }
        SessionTicket resumed = acceptedTicket(offer, serverHello, suite);
        TranscriptHash transcript = offer.transcript();
        if (!transcript.selected()) {
            transcript.select(suite.hash(), context.config().crypto(), false);
        }
        transcript.add(message.raw());
        byte[] shared = ourShare.agree(serverShare.keyExchange());
        Tls13Keys keys = new Tls13Keys(context, suite, resumed == null ? null : resumed.psk(), offer.hello().random());
        keys.handshake(shared, ourShare.derivation(), transcript.current());
        context.negotiated(ProtocolVersion.TLS13);
        context.setReadProtection(keys.serverHandshakeProtection());
        NamedGroup group = serverShare.group();
        return new ExpectEncryptedExtensions(new Negotiated(offer, suite, keys, group, ourShare.groupName(), resumed));
    }

    /** The fields ServerHello and HelloRetryRequest share: version, session id echo, suite, compression, extensions. */
    private static CipherSuite checkCommonFields(ClientOffer offer, ServerHello hello, Set<ExtensionType> allowed,
                                                 String what) throws TlsException {
        if (!hello.legacyVersion().equals(ProtocolVersion.TLS12)) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the " + what + "'s legacy_version is "
                + hello.legacyVersion() + "; TLS 1.3 requires 0x0303 (RFC 8446 §4.1.3)");
        }
        if (!Arrays.equals(hello.sessionId(), offer.hello().sessionId())) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the " + what + " does not echo the client's legacy_session_id");
        }
        CipherSuite suite = hello.cipherSuite();
        if (!suite.isSupported() || !suite.isTls13() || !offer.hello().cipherSuites().contains(suite)) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the " + what + " chose " + suite + ", which the client did not offer for TLS 1.3");
        }
        if (hello.compressionMethod() != 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the " + what + "'s legacy_compression_method is " + hello.compressionMethod() + ", not 0");
        }
        for (Extension extension : hello.extensions().list()) {
            // The cookie is the one extension a HelloRetryRequest may bring unasked (RFC 8446 §4.2.2).
            boolean asked = offer.hello().extensions().has(extension.type()) || extension.type().equals(ExtensionType.COOKIE);
            if (!allowed.contains(extension.type()) || !asked) {
                throw new TlsException(AlertDescription.UNSUPPORTED_EXTENSION,
                    "the " + what + " carries the " + extension.type().name() + " extension, which does not belong there");
            }
        }
        return suite;
    }

    /** RFC 8446 §4.2.11: the server accepted the offered ticket, which must fit the chosen suite. */
    private static SessionTicket acceptedTicket(ClientOffer offer, ServerHello serverHello, CipherSuite suite)
            throws TlsException {
        Extension psk = serverHello.extensions().find(ExtensionType.PRE_SHARED_KEY);
        if (psk == null) {
            return null;
        }
        int selected = PreSharedKey.decodeSelected(psk);
        if (offer.ticket() == null || selected != 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server selected pre-shared key #" + selected + ", which the client did not offer");
        }
        if (offer.ticket().cipherSuite().hash() != suite.hash()) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server resumed a " + offer.ticket().cipherSuite().hash() + " ticket with " + suite);
        }
        return offer.ticket();
    }

    /** Waiting for EncryptedExtensions: ALPN and whatever else the server answers, now encrypted. */
    private record ExpectEncryptedExtensions(Negotiated n) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            EncryptedExtensions encrypted = EncryptedExtensions.decode(
                message.expect(HandshakeType.ENCRYPTED_EXTENSIONS, waitingFor()));
            for (Extension extension : encrypted.extensions().list()) {
                if (!n.offer().hello().extensions().has(extension.type())) {
                    throw new TlsException(AlertDescription.UNSUPPORTED_EXTENSION, "EncryptedExtensions carries the "
                        + extension.type().name() + " extension, which the client did not offer");
                }
                if (NOT_IN_ENCRYPTED_EXTENSIONS.contains(extension.type())) {
                    throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "EncryptedExtensions carries the "
                        + extension.type().name() + " extension, which belongs elsewhere (RFC 8446 §4.2)");
                }
            }
            Extension serverName = encrypted.extensions().find(ExtensionType.SERVER_NAME);
            if (serverName != null && serverName.data().length != 0) {
                throw new TlsException(AlertDescription.DECODE_ERROR, "the server's server_name extension is not empty");
            }
            String protocol = ApplicationProtocols.chosen(n.context(),
                encrypted.extensions().find(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION));
            n.transcript().add(message.raw());
            if (n.resumed() != null) {
                return new ExpectFinished(n, protocol, n.resumed().peerCertificates(), null, null);
            }
            return new ExpectCertificate(n, protocol, null);
        }

        @Override
        public String waitingFor() {
            return "waiting for EncryptedExtensions";
        }
    }

    /** Waiting for the server's Certificate, perhaps after a CertificateRequest. */
    private record ExpectCertificate(Negotiated n, String protocol, CertificateRequest13 request)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            if (message.type().equals(HandshakeType.CERTIFICATE_REQUEST) && request == null) {
                CertificateRequest13 certificateRequest = CertificateRequest13.decode(message);
                n.transcript().add(message.raw());
                return new ExpectCertificate(n, protocol, certificateRequest);
            }
            Certificate certificate = Certificate.decode(message.expect(HandshakeType.CERTIFICATE, waitingFor()), true);
            if (certificate.requestContext().length != 0) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server's Certificate has a certificate_request_context; it must be empty (RFC 8446 §4.4.2)");
            }
            if (certificate.entries().isEmpty()) {
                throw new TlsException(AlertDescription.DECODE_ERROR, "the server sent an empty certificate list");
            }
            List<X509Certificate> chain = PeerCertificates.parse(certificate.certificates());
            n.config().certificateVerifier().verify(chain, new CertificateVerifier.Context(
                n.context().peerName(), n.context().now(), null, n.context().observer()));
            n.transcript().add(message.raw());
            return new ExpectCertificateVerify(n, protocol, request, chain);
        }

        @Override
        public String waitingFor() {
            return request == null ? "waiting for the server's Certificate or CertificateRequest"
                : "waiting for the server's Certificate";
        }
    }

    /** Waiting for CertificateVerify: the server proves it holds the certificate's key. */
    private record ExpectCertificateVerify(Negotiated n, String protocol, CertificateRequest13 request,
                                           List<X509Certificate> chain) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            CertificateVerify verify = CertificateVerify.decode(
                message.expect(HandshakeType.CERTIFICATE_VERIFY, waitingFor()));
            SignatureScheme scheme = verify.scheme();
            PublicKey key = chain.get(0).getPublicKey();
            if (!scheme.usableInTls13() || !n.config().signatureSchemes().contains(scheme)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server signed with " + scheme + ", which the client did not offer for TLS 1.3");
            }
            if (!TlsSignatures.keyMatches(scheme, key, true)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the server signed with " + scheme
                    + ", which does not fit its " + key.getAlgorithm() + " certificate key");
            }
            byte[] content = CertificateVerifyContent.of(true, n.transcript().current());
            if (!TlsSignatures.verify(scheme, key, content, verify.signature(), n.config().crypto())) {
                throw new TlsException(AlertDescription.DECRYPT_ERROR, "the server's " + scheme
                    + " CertificateVerify signature does not verify with its certificate's key");
            }
            n.transcript().add(message.raw());
            return new ExpectFinished(n, protocol, chain, scheme, request);
        }

        @Override
        public String waitingFor() {
            return "waiting for the server's CertificateVerify";
        }
    }

    /** Waiting for the server's Finished; then the client sends its own flight and the connection is up. */
    private record ExpectFinished(Negotiated n, String protocol, List<X509Certificate> chain, SignatureScheme scheme,
                                  CertificateRequest13 request) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Finished finished = Finished.decode(message.expect(HandshakeType.FINISHED, waitingFor()),
                n.suite().hash().length());
            Tls13Keys keys = n.keys();
            TranscriptHash transcript = n.transcript();
            keys.checkFinished(false, finished.verifyData(), transcript.current());
            transcript.add(message.raw());
            keys.application(transcript.current());
            HandshakeContext context = n.context();
            context.setReadProtection(keys.protection(keys.serverApplicationTrafficSecret()));
            if (n.offer().hello().sessionId().length > 0 && !n.offer().retried()) {
                // RFC 8446 Appendix D.4: the ChangeCipherSpec before the client's second flight.
                context.sendChangeCipherSpec();
            }
            context.setWriteProtection(keys.clientHandshakeProtection());
            if (request != null) {
                ClientCertificates.send13(context, transcript, request);
            }
            transcript.add(context.send(new Finished(keys.finished(true, transcript.current()))).raw());
            context.setWriteProtection(keys.protection(keys.clientApplicationTrafficSecret()));
            byte[] resumptionMasterSecret = keys.resumptionMasterSecret(transcript.current());
            String peerName = context.peerName();
            Session session = new Session(ProtocolVersion.TLS13, n.suite(), n.group(), n.groupName(), scheme, chain,
                peerName != null && !ClientOffer.isIpLiteral(peerName) ? peerName : null, protocol, true, false,
                n.resumed() != null);
            context.complete(session);
            return Connected13.client(context, keys, n.suite(), resumptionMasterSecret, session);
        }

        @Override
        public String waitingFor() {
            return "waiting for the server's Finished";
        }
    }
}
