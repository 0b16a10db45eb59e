package dev.handshake.tls.client;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TlsSignatures;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.handshake.ClientCertificates;
import dev.handshake.tls.handshake.Connected;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.handshake.PeerCertificates;
import dev.handshake.tls.handshake.Tls12Secrets;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.kx.RsaKeyExchange;
import dev.handshake.tls.kx.ServerDhParameters;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.CertificateRequest;
import dev.handshake.tls.message.CertificateVerify;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ClientKeyExchange;
import dev.handshake.tls.message.EcPointFormats;
import dev.handshake.tls.message.EmptyMessage;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Finished;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.RenegotiationInfo;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerKeyExchange;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.crypto.Tls12KeySchedule;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS 1.2 client handshake (RFC 5246 §7.3), in the order of the wire:
 *
 * <pre>
 * ClientHello                  --------&gt;
 *                                              ServerHello
 *                                              Certificate
 *                                        ServerKeyExchange   (DHE, ECDHE)
 *                                       CertificateRequest*
 *                              &lt;--------   ServerHelloDone
 * Certificate*
 * ClientKeyExchange
 * [ChangeCipherSpec]
 * Finished                     --------&gt;    (False Start: application data may follow at once)
 *                                       [ChangeCipherSpec]
 *                              &lt;--------             Finished
 * </pre>
 */
public final class Tls12ClientFlow {

    private Tls12ClientFlow() {
    }

    /** What is known once ServerHello is read; every later state carries it. */
    private record Negotiated(HandshakeContext context, TranscriptHash transcript, byte[] clientRandom,
                              byte[] serverRandom, CipherSuite suite, boolean extendedMasterSecret,
                              String applicationProtocol) {
        TlsConfig config() {
            return context.config();
        }
    }

    /**
     * The server chose TLS 1.2: its ServerHello is checked against what we offered, and the
     * handshake continues with the server's Certificate.
     */
    static HandshakeState serverHello(ClientOffer offer, ServerHello serverHello, Handshake message)
            throws TlsException {
        HandshakeContext context = offer.context();
        ClientHello hello = offer.hello();
        TranscriptHash transcript = offer.transcript();
        if (!offer.offersTls12()) {
            throw new TlsException(AlertDescription.PROTOCOL_VERSION,
                "the server chose " + serverHello.legacyVersion() + "; the client offered only TLS 1.3");
        }
        if (!serverHello.legacyVersion().equals(ProtocolVersion.TLS12)) {
            throw new TlsException(AlertDescription.PROTOCOL_VERSION, "the server chose " + serverHello.legacyVersion()
                + "; Handshake requires TLS 1.2 or later (SSL 3, TLS 1.0 and 1.1 are broken)");
        }
        // RFC 8446 §4.1.3: a TLS 1.3 server that answers a TLS 1.3 client with TLS 1.2 says so in its random.
        if (offer.offersTls13() && serverHello.hasDowngradeSentinel()) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the server's random carries the TLS 1.3 "
                + "downgrade sentinel: someone in the middle made it speak TLS 1.2 (RFC 8446 §4.1.3)");
        }
        CipherSuite suite = serverHello.cipherSuite();
        if (!hello.cipherSuites().contains(suite) || suite.isTls13()) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server chose " + suite + ", which the client did not offer for TLS 1.2");
        }
        if (serverHello.compressionMethod() != 0) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "the server chose compression method " + serverHello.compressionMethod() + "; only null was offered");
        }
        Extensions extensions = serverHello.extensions();
        for (Extension extension : extensions.list()) {
            // RFC 5246 §7.4.1.4: the server may only answer extensions the client sent, and TLS 1.3's
            // own extensions have no place in a TLS 1.2 ServerHello.
            if (!hello.extensions().has(extension.type()) || TLS13_ONLY.contains(extension.type())) {
                throw new TlsException(AlertDescription.UNSUPPORTED_EXTENSION,
                    "the server sent the " + extension.type().name() + " extension in a TLS 1.2 ServerHello");
            }
        }
        checkRenegotiationInfo(extensions.find(ExtensionType.RENEGOTIATION_INFO));
        boolean ems = extensions.has(ExtensionType.EXTENDED_MASTER_SECRET);
        if (ems && extensions.find(ExtensionType.EXTENDED_MASTER_SECRET).data().length != 0) {
            throw new TlsException(AlertDescription.DECODE_ERROR, "the server's extended_master_secret is not empty");
        }
        if (!ems && context.config().requireExtendedMasterSecret()) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE, "the server does not support the extended "
                + "master secret (RFC 7627), which protects against the triple-handshake attack; "
                + "TlsConfig.requireExtendedMasterSecret(false) connects anyway");
        }
        Extension serverName = extensions.find(ExtensionType.SERVER_NAME);
        if (serverName != null && serverName.data().length != 0) {
            throw new TlsException(AlertDescription.DECODE_ERROR, "the server's server_name extension is not empty");
        }
        Extension pointFormats = extensions.find(ExtensionType.EC_POINT_FORMATS);
        if (pointFormats != null) {
            EcPointFormats.requireUncompressed(pointFormats);
        }
        String protocol = ApplicationProtocols.chosen(context,
            extensions.find(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION));

        // RFC 5246 §7.4.8: our CertificateVerify, if asked for one, signs the messages themselves.
        transcript.select(suite.hash(), context.config().crypto(), !context.config().credentials().isEmpty());
        transcript.add(message.raw());
        context.negotiated(ProtocolVersion.TLS12);
        Negotiated negotiated = new Negotiated(context, transcript, hello.random(), serverHello.random(),
            suite, ems, protocol);
        return new ExpectCertificate(negotiated);
    }

    /** Extensions that only TLS 1.3 defines for ServerHello. */
    private static final List<ExtensionType> TLS13_ONLY = List.of(ExtensionType.KEY_SHARE,
        ExtensionType.PRE_SHARED_KEY, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.COOKIE, ExtensionType.EARLY_DATA);

    /** RFC 5746 §3.4: the server must show it knows about the renegotiation attack. */
    private static void checkRenegotiationInfo(Extension extension) throws TlsException {
        if (extension == null) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                "the server does not support secure renegotiation (RFC 5746); it is too old to trust");
        }
        if (!RenegotiationInfo.decode(extension).isEmpty()) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                "the server's renegotiation_info is not empty on the first handshake");
        }
    }

    /** Waiting for the server's Certificate: the chain is parsed and checked by the verifier. */
    private record ExpectCertificate(Negotiated n) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Certificate certificate = Certificate.decode(message.expect(HandshakeType.CERTIFICATE, waitingFor()), false);
            if (certificate.entries().isEmpty()) {
                throw new TlsException(AlertDescription.DECODE_ERROR, "the server sent an empty certificate list");
            }
            List<X509Certificate> chain = PeerCertificates.parse(certificate.certificates());
            PublicKey key = chain.get(0).getPublicKey();
            String needed = n.suite().authentication() == CipherSuite.Authentication.ECDSA ? "EC" : "RSA";
            if (!key.getAlgorithm().equals(needed)) {
                throw new TlsException(AlertDescription.UNSUPPORTED_CERTIFICATE, "the server's certificate holds a "
                    + key.getAlgorithm() + " key, but " + n.suite() + " needs an " + needed + " key");
            }
            KeyExchange keyExchange = n.suite().keyExchange();
            n.config().certificateVerifier().verify(chain, new CertificateVerifier.Context(
                n.context().peerName(), n.context().now(), keyExchange, n.context().observer()));
            n.transcript().add(message.raw());
            if (keyExchange == KeyExchange.RSA) {
                return new ExpectServerHelloDone(n, chain, null, null, null, null);
            }
            return new ExpectServerKeyExchange(n, chain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the server's Certificate";
        }
    }

    /** Waiting for ServerKeyExchange: the server's ephemeral key, signed with its certificate key. */
    private record ExpectServerKeyExchange(Negotiated n, List<X509Certificate> chain) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            message.expect(HandshakeType.SERVER_KEY_EXCHANGE, waitingFor());
            KeyExchange keyExchange = n.suite().keyExchange();
            ServerKeyExchange ske = ServerKeyExchange.decode(message, keyExchange);
            verifySignature(ske);
            KeyShare share;
            byte[] serverPublic;
            NamedGroup group;
            if (ske.params() instanceof ServerKeyExchange.EcdheParams ec) {
                if (!n.config().namedGroups().contains(ec.group()) || ec.group().isFiniteField()) {
                    throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                        "the server chose the curve " + ec.group() + ", which the client did not offer");
                }
                share = KeyShare.generate(ec.group(), false, n.config().crypto(), n.config().random());
                serverPublic = ec.publicKey();
                group = ec.group();
            } else {
                ServerKeyExchange.DheParams dh = (ServerKeyExchange.DheParams) ske.params();
                share = ServerDhParameters.clientShare(dh.p(), dh.g(), n.config().minDheBits(),
                    n.config().crypto(), n.config().random());
                serverPublic = dh.ys();
                group = NamedGroup.forName(share.groupName());
            }
            byte[] premaster = share.agree(serverPublic);
            n.transcript().add(message.raw());
            return new ExpectServerHelloDone(n, chain, new KeyAgreed(share, premaster),
                group, ske.scheme(), null);
        }

        /** RFC 5246 §7.4.3: the signature covers client_random + server_random + params. */
        private void verifySignature(ServerKeyExchange ske) throws TlsException {
            SignatureScheme scheme = ske.scheme();
            if (!n.config().signatureSchemes().contains(scheme)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server signed with " + scheme + ", which the client did not offer");
            }
            PublicKey key = chain.get(0).getPublicKey();
            if (!TlsSignatures.keyMatches(scheme, key, false)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the server signed with " + scheme
                    + ", which does not fit its " + key.getAlgorithm() + " certificate key");
            }
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes(n.clientRandom());
            signed.writeBytes(n.serverRandom());
            signed.writeBytes(ske.params().encoded());
            if (!TlsSignatures.verify(scheme, key, signed.toByteArray(), ske.signature(), n.config().crypto())) {
                throw new TlsException(AlertDescription.DECRYPT_ERROR, "the server's " + scheme
                    + " signature over its key exchange parameters does not verify with its certificate's key");
            }
        }

        @Override
        public String waitingFor() {
            return "waiting for ServerKeyExchange";
        }
    }

    /** The client's half of an ephemeral key exchange, and the premaster secret agreed. */
    private record KeyAgreed(KeyShare share, byte[] premaster) {
    }

    /**
     * Waiting for ServerHelloDone, perhaps after a CertificateRequest.
     *
     * @param request the server's CertificateRequest, or {@code null}
     */
    private record ExpectServerHelloDone(Negotiated n, List<X509Certificate> chain, KeyAgreed agreed,
                                         NamedGroup group, SignatureScheme scheme, CertificateRequest request)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            if (message.type().equals(HandshakeType.CERTIFICATE_REQUEST) && request == null) {
                CertificateRequest certificateRequest = CertificateRequest.decode(message);
                n.transcript().add(message.raw());
                return new ExpectServerHelloDone(n, chain, agreed, group, scheme, certificateRequest);
            }
            EmptyMessage.decode(message.expect(HandshakeType.SERVER_HELLO_DONE, waitingFor()));
            n.transcript().add(message.raw());
            HandshakeContext context = n.context();
            ClientCertificates.Choice ours = null;
            if (request != null) {
                // RFC 5246 §7.4.6: our certificate if one fits, otherwise an empty list.
                ours = ClientCertificates.choose(n.config(), request.signatureAlgorithms().schemes(), false);
                List<byte[]> certificates = ours == null ? List.of() : PeerCertificates.encode(ours.credential().chain());
                n.transcript().add(context.send(Certificate.tls12(certificates)).raw());
            }
            byte[] premaster;
            String derivation;
            ClientKeyExchange keyExchange;
            if (agreed == null) {
                premaster = RsaKeyExchange.newPremasterSecret(ProtocolVersion.TLS12, n.config().random());
                byte[] encrypted = RsaKeyExchange.encrypt(premaster, chain.get(0).getPublicKey(),
                    n.config().crypto(), n.config().random());
                keyExchange = new ClientKeyExchange(KeyExchange.RSA, encrypted);
                derivation = RsaKeyExchange.DERIVATION;
            } else {
                premaster = agreed.premaster();
                keyExchange = new ClientKeyExchange(n.suite().keyExchange(), agreed.share().publicValue());
                derivation = agreed.share().derivation();
            }
            n.transcript().add(context.send(keyExchange).raw());
            Tls12Secrets secrets = new Tls12Secrets(context, n.suite(), premaster, derivation, n.clientRandom(),
                n.serverRandom(), n.extendedMasterSecret(), n.transcript());
            if (ours != null) {
                // RFC 5246 §7.4.8: the signature covers every handshake message so far.
                byte[] signature = TlsSignatures.sign(ours.scheme(), ours.credential().privateKey(),
                    n.transcript().messages(), n.config().crypto(), n.config().random());
                n.transcript().add(context.send(new CertificateVerify(ours.scheme(), signature)).raw());
            }
            context.sendChangeCipherSpec();
            context.setWriteProtection(secrets.clientWrite());
            Finished finished = secrets.finished(true, n.transcript());
            n.transcript().add(context.send(finished).raw());
            // RFC 7918 §3: False Start only with forward secrecy (and AEAD, which every suite here has).
            boolean falseStart = n.config().falseStart() && n.suite().keyExchange().forwardSecret();
            if (falseStart) {
                context.allowEarlyApplicationWrites();
            }
            Session session = new Session(ProtocolVersion.TLS12, n.suite(), group,
                agreed == null ? null : agreed.share().groupName(), scheme, chain,
                context.peerName() != null && !ClientOffer.isIpLiteral(context.peerName()) ? context.peerName() : null,
                n.applicationProtocol(), n.extendedMasterSecret(), falseStart, false);
            return new ExpectChangeCipherSpec(n, secrets, session);
        }

        @Override
        public String waitingFor() {
            return "waiting for ServerHelloDone";
        }
    }

    /** Waiting for the server's ChangeCipherSpec: from then on its records are protected. */
    private record ExpectChangeCipherSpec(Negotiated n, Tls12Secrets secrets, Session session)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            throw message.unexpected(waitingFor());
        }

        @Override
        public HandshakeState handleChangeCipherSpec() throws TlsException {
            n.context().setReadProtection(secrets.serverWrite());
            return new ExpectFinished(n, secrets, session);
        }

        @Override
        public String waitingFor() {
            return "waiting for the server's ChangeCipherSpec";
        }
    }

    /** Waiting for the server's Finished, which proves it saw the same handshake and holds the keys. */
    private record ExpectFinished(Negotiated n, Tls12Secrets secrets, Session session) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Finished finished = Finished.decode(message.expect(HandshakeType.FINISHED, waitingFor()),
                Tls12KeySchedule.VERIFY_DATA_LENGTH);
            secrets.checkFinished(false, finished, n.transcript());
            n.context().complete(session);
            return new Connected(n.context(), true);
        }

        @Override
        public String waitingFor() {
            return "waiting for the server's Finished";
        }
    }
}
