package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Credential;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
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
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Cookie;
import dev.handshake.tls.message.EncryptedExtensions;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Finished;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.message.SupportedVersions;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TLS 1.3 server handshake (RFC 8446 §2), in the order of the wire:
 *
 * <pre>
 * ClientHello + key_share (+ pre_shared_key)  --------&gt;
 *                                     [HelloRetryRequest --- ClientHello again]
 *                               &lt;--------  ServerHello + key_share (+ pre_shared_key)
 *                                          {EncryptedExtensions}
 *                                          {CertificateRequest*}
 *                                          {Certificate}  {CertificateVerify}  -- not when resuming
 *                                          {Finished}
 * {Certificate*} {CertificateVerify*}
 * {Finished}                    --------&gt;
 *                               &lt;--------  [NewSessionTicket]
 * </pre>
 */
final class Tls13ServerFlow {

    private Tls13ServerFlow() {
    }

    /** What the server decided; the later states carry it. */
    private record Negotiated(HandshakeContext context, TranscriptHash transcript, ClientHello hello,
                              CipherSuite suite, Tls13Keys keys, NamedGroup group, String groupName,
                              String serverName, String applicationProtocol, SignatureScheme scheme,
                              Resumption resumption) {
        TlsConfig config() {
            return context.config();
        }
    }

    /** A ClientHello that will get a TLS 1.3 answer: a ServerHello, or a HelloRetryRequest first. */
    static HandshakeState clientHello(HandshakeContext context, ClientHello hello, Handshake message) throws TlsException {
        return answer(context, hello, message, new TranscriptHash(), null);
    }

    /**
     * @param retryGroup the group a HelloRetryRequest asked for, or {@code null} for the first ClientHello
     */
    private static HandshakeState answer(HandshakeContext context, ClientHello hello, Handshake message,
                                         TranscriptHash transcript, NamedGroup retryGroup) throws TlsException {
        TlsConfig config = context.config();
        ClientHelloChecks.tls13(hello);
        Extensions extensions = hello.extensions();
        List<NamedGroup> groups = SupportedGroups.decode(extensions.find(ExtensionType.SUPPORTED_GROUPS)).groups();
        List<KeyShareEntry> shares = KeyShareExtension.decodeClientShares(extensions.find(ExtensionType.KEY_SHARE));
        for (KeyShareEntry share : shares) {
            // RFC 8446 §4.2.8: every share must be for a group the client lists in supported_groups.
            if (!groups.contains(share.group())) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the client sent a " + share.group() + " key share, but does not list that group");
            }
        }
        List<SignatureScheme> schemes = SignatureAlgorithms.decode(
            extensions.find(ExtensionType.SIGNATURE_ALGORITHMS)).schemes();
        Extension serverNameExtension = extensions.find(ExtensionType.SERVER_NAME);
        String serverName = serverNameExtension == null ? null : ServerNameList.decode(serverNameExtension).hostName();
        String protocol = ServerApplicationProtocols.choose(config,
            extensions.find(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION));

        Resumption resumption = Resumption.accept(context, hello, message, transcript, retryGroup != null, serverName);
        CipherSuite suite = resumption != null ? resumption.state().suite() : chooseSuite(config, hello);
        if (retryGroup != null) {
            // RFC 8446 §4.1.2: the second ClientHello carries exactly one share, for the group asked for.
            if (shares.size() != 1 || !shares.get(0).group().equals(retryGroup)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "after HelloRetryRequest the client must send exactly one key share, for " + retryGroup);
            }
        }
        KeyShareEntry clientShare = chooseShare(config, shares);
        if (clientShare == null) {
            NamedGroup wanted = config.namedGroups().stream().filter(groups::contains).findFirst().orElseThrow(() ->
                new TlsException(AlertDescription.HANDSHAKE_FAILURE, "no key exchange group in common: the client "
                    + "offers " + groups + ", this server accepts " + config.namedGroups()));
            if (retryGroup != null) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the second ClientHello still has no usable share");
            }
            return helloRetryRequest(context, hello, message, transcript, suite, wanted);
        }
        Credential credential = null;
        SignatureScheme scheme = null;
        if (resumption == null) {
            ClientCertificates.Choice choice = chooseCredential(config, schemes);
            credential = choice.credential();
            scheme = choice.scheme();
        }
        if (!transcript.selected()) {
            transcript.select(suite.hash(), config.crypto(), false);
        }
        transcript.add(message.raw());

        KeyShare ours = KeyShare.generate(clientShare.group(), true, config.crypto(), config.random());
        byte[] shared = ours.agree(clientShare.keyExchange());
        byte[] random = new byte[ServerHello.RANDOM_LENGTH];
        config.random().nextBytes(random);
        List<Extension> helloExtensions = new ArrayList<>();
        helloExtensions.add(SupportedVersions.selected(ProtocolVersion.TLS13));
        helloExtensions.add(KeyShareExtension.serverShare(new KeyShareEntry(clientShare.group(), ours.publicValue())));
        if (resumption != null) {
            helloExtensions.add(PreSharedKey.selected(resumption.index()));
        }
        ServerHello serverHello = new ServerHello(ProtocolVersion.TLS12, random, hello.sessionId(), suite, 0,
            new Extensions(helloExtensions));
        transcript.add(context.send(serverHello).raw());
        context.negotiated(ProtocolVersion.TLS13);

        Tls13Keys keys = new Tls13Keys(context, suite, resumption == null ? null : resumption.state().psk(),
            hello.random());
        keys.handshake(shared, ours.derivation(), transcript.current());
        if (hello.sessionId().length > 0 && retryGroup == null) {
            // RFC 8446 Appendix D.4: middlebox compatibility, a ChangeCipherSpec after the ServerHello.
            context.sendChangeCipherSpec();
        }
        context.setWriteProtection(keys.serverHandshakeProtection());
        context.setReadProtection(keys.clientHandshakeProtection());
        Negotiated n = new Negotiated(context, transcript, hello, suite, keys, clientShare.group(), ours.groupName(),
            serverName, resumption != null ? resumption.state().applicationProtocol() : protocol, scheme, resumption);
        return sendFlight(n, credential);
    }

    private static CipherSuite chooseSuite(TlsConfig config, ClientHello hello) throws TlsException {
        for (CipherSuite suite : config.cipherSuites()) {
            if (suite.isTls13() && hello.cipherSuites().contains(suite)) {
                return suite;
            }
        }
        throw new TlsException(AlertDescription.HANDSHAKE_FAILURE, "no TLS 1.3 cipher suite in common: the client "
            + "offers " + hello.cipherSuites().stream().filter(CipherSuite::isTls13).toList()
            + ", this server accepts " + config.cipherSuites().stream().filter(CipherSuite::isTls13).toList());
    }

    /** The server's most preferred group among the client's shares, or {@code null}. */
    private static KeyShareEntry chooseShare(TlsConfig config, List<KeyShareEntry> shares) {
        for (NamedGroup group : config.namedGroups()) {
            for (KeyShareEntry share : shares) {
                if (share.group().equals(group)) {
                    return share;
                }
            }
        }
        return null;
    }

    private static ClientCertificates.Choice chooseCredential(TlsConfig config, List<SignatureScheme> schemes)
            throws TlsException {
        ClientCertificates.Choice choice = ClientCertificates.choose(config, schemes, true);
        if (choice == null) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE, "none of this server's certificates can sign "
                + "with a scheme the client accepts for TLS 1.3 (it offers " + schemes + ")");
        }
        return choice;
    }

    /** RFC 8446 §4.1.4: asks for a share in {@code group}; the transcript keeps only ClientHello1's hash. */
    private static HandshakeState helloRetryRequest(HandshakeContext context, ClientHello hello, Handshake message,
                                                    TranscriptHash transcript, CipherSuite suite, NamedGroup group)
            throws TlsException {
        transcript.select(suite.hash(), context.config().crypto(), false);
        transcript.add(message.raw());
        transcript.replaceWithMessageHash();
        // RFC 8446 §4.2.2: a cookie the client must echo proves it receives at its address.
        byte[] cookie = new byte[32];
        context.config().random().nextBytes(cookie);
        ServerHello retry = new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(),
            hello.sessionId(), suite, 0, new Extensions(List.of(SupportedVersions.selected(ProtocolVersion.TLS13),
            KeyShareExtension.selectedGroup(group), Cookie.of(cookie))));
        transcript.add(context.send(retry).raw());
        context.negotiated(ProtocolVersion.TLS13);
        if (hello.sessionId().length > 0) {
            context.sendChangeCipherSpec();
        }
        return new ExpectSecondClientHello(context, transcript, hello, group, cookie);
    }

    /** After a HelloRetryRequest: the client tries again with the share asked for. */
    private record ExpectSecondClientHello(HandshakeContext context, TranscriptHash transcript, ClientHello first,
                                           NamedGroup group, byte[] cookie) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            ClientHello second = ClientHello.decode(message.expect(HandshakeType.CLIENT_HELLO, waitingFor()));
            // RFC 8446 §4.1.2: the same ClientHello, but for the changes the HelloRetryRequest asked for.
            if (!second.cipherSuites().equals(first.cipherSuites())
                    || !Arrays.equals(second.sessionId(), first.sessionId())
                    || !Arrays.equals(second.random(), first.random())) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the second ClientHello changed its random, session id or cipher suites");
            }
            Extension echoed = second.extensions().find(ExtensionType.COOKIE);
            if (echoed == null || !MessageDigest.isEqual(Cookie.decode(echoed), cookie)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the second ClientHello does not echo the HelloRetryRequest's cookie (RFC 8446 §4.2.2)");
            }
            return answer(context, second, message, transcript, group);
        }

        @Override
        public String waitingFor() {
            return "waiting for the second ClientHello after HelloRetryRequest";
        }
    }

    /** EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify and Finished. */
    private static HandshakeState sendFlight(Negotiated n, Credential credential) throws TlsException {
        HandshakeContext context = n.context();
        TranscriptHash transcript = n.transcript();
        List<Extension> encrypted = new ArrayList<>();
        if (n.serverName() != null) {
            // RFC 6066 §3: an empty server_name says the name was used.
            encrypted.add(Extension.empty(ExtensionType.SERVER_NAME));
        }
        if (n.applicationProtocol() != null) {
            encrypted.add(new ProtocolNameList(List.of(n.applicationProtocol())).toExtension());
        }
        transcript.add(context.send(new EncryptedExtensions(new Extensions(encrypted))).raw());
        boolean askClient = n.resumption() == null && n.config().clientAuth() != TlsConfig.ClientAuth.NONE;
        if (askClient) {
            List<SignatureScheme> accepted = n.config().signatureSchemes().stream()
                .filter(SignatureScheme::usableInTls13).toList();
            transcript.add(context.send(new CertificateRequest13(new byte[0],
                new Extensions(List.of(new SignatureAlgorithms(accepted).toExtension())))).raw());
        }
        if (credential != null) {
            List<Certificate.Entry> entries = new ArrayList<>();
            for (byte[] der : PeerCertificates.encode(credential.chain())) {
                entries.add(new Certificate.Entry(der, Extensions.NONE));
            }
            transcript.add(context.send(new Certificate(new byte[0], entries, true)).raw());
            byte[] content = CertificateVerifyContent.of(true, transcript.current());
            byte[] signature = TlsSignatures.sign(n.scheme(), credential.privateKey(), content, n.config().crypto(),
                n.config().random());
            transcript.add(context.send(new CertificateVerify(n.scheme(), signature)).raw());
        }
        transcript.add(context.send(new Finished(n.keys().finished(false, transcript.current()))).raw());
        n.keys().application(transcript.current());
        context.setWriteProtection(n.keys().protection(n.keys().serverApplicationTrafficSecret()));
        return askClient ? new ExpectClientCertificate(n) : new ExpectClientFinished(n, clientChain(n));
    }

    private static List<X509Certificate> clientChain(Negotiated n) throws TlsException {
        return n.resumption() == null ? List.of() : PeerCertificates.parse(n.resumption().state().clientCertificates());
    }

    /** Waiting for the client's Certificate (possibly empty). */
    private record ExpectClientCertificate(Negotiated n) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Certificate certificate = Certificate.decode(message.expect(HandshakeType.CERTIFICATE, waitingFor()), true);
            if (certificate.requestContext().length != 0) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the client's certificate_request_context does not match the CertificateRequest's");
            }
            n.transcript().add(message.raw());
            if (certificate.entries().isEmpty()) {
                if (n.config().clientAuth() == TlsConfig.ClientAuth.REQUIRED) {
                    throw new TlsException(AlertDescription.CERTIFICATE_REQUIRED,
                        "the client sent no certificate, and this server requires one");
                }
                return new ExpectClientFinished(n, List.of());
            }
            List<X509Certificate> chain = PeerCertificates.parse(certificate.certificates());
            n.config().clientCertificateVerifier().verify(chain,
                new CertificateVerifier.Context(null, n.context().now(), null, n.context().observer()));
            return new ExpectClientCertificateVerify(n, chain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's Certificate";
        }
    }

    /** Waiting for the client's CertificateVerify. */
    private record ExpectClientCertificateVerify(Negotiated n, List<X509Certificate> chain) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            CertificateVerify verify = CertificateVerify.decode(
                message.expect(HandshakeType.CERTIFICATE_VERIFY, waitingFor()));
            SignatureScheme scheme = verify.scheme();
            PublicKey key = chain.get(0).getPublicKey();
            if (!scheme.usableInTls13() || !n.config().signatureSchemes().contains(scheme)
                    || !TlsSignatures.keyMatches(scheme, key, true)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the client signed with " + scheme
                    + ", which was not offered or does not fit its " + key.getAlgorithm() + " key");
            }
            byte[] content = CertificateVerifyContent.of(false, n.transcript().current());
            if (!TlsSignatures.verify(scheme, key, content, verify.signature(), n.config().crypto())) {
                throw new TlsException(AlertDescription.DECRYPT_ERROR,
                    "the client's CertificateVerify signature does not verify with its certificate's key");
            }
            n.transcript().add(message.raw());
            return new ExpectClientFinished(n, chain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's CertificateVerify";
        }
    }

    /** Waiting for the client's Finished; then tickets are sent and the connection is up. */
    private record ExpectClientFinished(Negotiated n, List<X509Certificate> clientChain) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Finished finished = Finished.decode(message.expect(HandshakeType.FINISHED, waitingFor()),
                n.suite().hash().length());
            Tls13Keys keys = n.keys();
            TranscriptHash transcript = n.transcript();
            keys.checkFinished(true, finished.verifyData(), transcript.current());
            transcript.add(message.raw());
            HandshakeContext context = n.context();
            context.setReadProtection(keys.protection(keys.clientApplicationTrafficSecret()));
            byte[] resumptionMasterSecret = keys.resumptionMasterSecret(transcript.current());
            Tickets.send(context, keys, n.suite(), resumptionMasterSecret, n.applicationProtocol(), n.serverName(),
                clientChain);
            Session session = new Session(ProtocolVersion.TLS13, n.suite(), n.group(), n.groupName(), n.scheme(),
                clientChain, n.serverName(), n.applicationProtocol(), true, false, n.resumption() != null);
            context.complete(session);
            return Connected13.server(context, keys, n.suite(), session);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's Finished";
        }
    }
}
