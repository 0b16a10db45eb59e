package dev.handshake.tls.server;

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
import dev.handshake.tls.crypto.Tls12KeySchedule;
import dev.handshake.tls.crypto.TlsSignatures;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.handshake.Connected;
import dev.handshake.tls.handshake.PeerCertificates;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.handshake.Tls12Secrets;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.kx.RsaKeyExchange;
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
import dev.handshake.tls.message.SupportedVersions;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS 1.2 server handshake (RFC 5246 §7.3), in the order of the wire:
 *
 * <pre>
 * ClientHello                  --------&gt;
 *                                              ServerHello
 *                                              Certificate
 *                                        ServerKeyExchange   (DHE, ECDHE)
 *                              &lt;--------   ServerHelloDone
 * ClientKeyExchange
 * [ChangeCipherSpec]
 * Finished                     --------&gt;
 *                                       [ChangeCipherSpec]
 *                              &lt;--------             Finished
 * </pre>
 */
public final class Tls12ServerFlow {

    private Tls12ServerFlow() {
    }

    /** What the server decided after ClientHello; every later state carries it. */
    private record Negotiated(HandshakeContext context, TranscriptHash transcript, ClientHello clientHello,
                              byte[] serverRandom, Negotiation.Choice choice, boolean extendedMasterSecret,
                              String serverName, String applicationProtocol) {
        TlsConfig config() {
            return context.config();
        }

        CipherSuite suite() {
            return choice.suite();
        }
    }

    /**
     * The server chose TLS 1.2 for this ClientHello: checks what the client offers and answers with
     * the server's flight.
     *
     * @param downgrade whether TLS 1.3 was possible too, so the random must carry the sentinel (RFC 8446 §4.1.3)
     */
    static HandshakeState clientHello(HandshakeContext context, ClientHello hello, Handshake message,
                                      boolean downgrade) throws TlsException {
        TlsConfig config = context.config();
        if (!contains(hello.compressionMethods(), 0)) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                "the client offers only compressed connections; Handshake never compresses (CRIME)");
        }
        Extensions extensions = hello.extensions();
        checkSecureRenegotiation(hello);
        Extension ems = extensions.find(ExtensionType.EXTENDED_MASTER_SECRET);
        if (ems != null && ems.data().length != 0) {
            throw new TlsException(AlertDescription.DECODE_ERROR, "the client's extended_master_secret is not empty");
        }
        if (ems == null && config.requireExtendedMasterSecret()) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE, "the client does not support the extended "
                + "master secret (RFC 7627), which protects against the triple-handshake attack; "
                + "TlsConfig.requireExtendedMasterSecret(false) accepts it anyway");
        }
        Extension serverNameExtension = extensions.find(ExtensionType.SERVER_NAME);
        String serverName = serverNameExtension == null ? null : ServerNameList.decode(serverNameExtension).hostName();
        Extension pointFormats = extensions.find(ExtensionType.EC_POINT_FORMATS);
        if (pointFormats != null) {
            EcPointFormats.requireUncompressed(pointFormats);
        }
        Extension groupsExtension = extensions.find(ExtensionType.SUPPORTED_GROUPS);
        List<NamedGroup> groups = groupsExtension == null ? null : SupportedGroups.decode(groupsExtension).groups();
        Extension schemesExtension = extensions.find(ExtensionType.SIGNATURE_ALGORITHMS);
        List<SignatureScheme> schemes = schemesExtension == null
            ? List.of() : SignatureAlgorithms.decode(schemesExtension).schemes();
        String protocol = ServerApplicationProtocols.choose(config,
            extensions.find(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION));
        Negotiation.Choice choice = Negotiation.choose(config, hello.cipherSuites(), groups, schemes);

        byte[] serverRandom = new byte[ServerHello.RANDOM_LENGTH];
        config.random().nextBytes(serverRandom);
        if (downgrade) {
            ServerHello.markTls12Downgrade(serverRandom);
        }
        TranscriptHash transcript = new TranscriptHash();
        // RFC 5246 §7.4.8: a client's CertificateVerify signs the messages themselves.
        transcript.select(choice.suite().hash(), config.crypto(), config.clientAuth() != TlsConfig.ClientAuth.NONE);
        transcript.add(message.raw());
        context.negotiated(ProtocolVersion.TLS12);
        Negotiated n = new Negotiated(context, transcript, hello, serverRandom, choice, ems != null,
            serverName, protocol);
        return sendFlight(n, pointFormats != null);
    }

    /** RFC 5746 §3.6: the client signals the fix by the SCSV or by an empty renegotiation_info. */
    private static void checkSecureRenegotiation(ClientHello hello) throws TlsException {
        Extension info = hello.extensions().find(ExtensionType.RENEGOTIATION_INFO);
        if (info != null) {
            if (!RenegotiationInfo.decode(info).isEmpty()) {
                throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                    "the client's renegotiation_info is not empty on the first handshake");
            }
            return;
        }
        if (!hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                "the client does not support secure renegotiation (RFC 5746); it is too old to trust");
        }
    }

    /** ServerHello, Certificate, ServerKeyExchange (for DHE and ECDHE) and ServerHelloDone. */
    private static HandshakeState sendFlight(Negotiated n, boolean clientSentPointFormats) throws TlsException {
        HandshakeContext context = n.context();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(RenegotiationInfo.initial());
        if (n.extendedMasterSecret()) {
            extensions.add(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET));
        }
        if (n.applicationProtocol() != null) {
            extensions.add(new ProtocolNameList(List.of(n.applicationProtocol())).toExtension());
        }
        if (clientSentPointFormats && n.suite().keyExchange() == KeyExchange.ECDHE) {
            extensions.add(EcPointFormats.uncompressedOnly());
        }
        ServerHello hello = new ServerHello(ProtocolVersion.TLS12, n.serverRandom(), new byte[0], n.suite(), 0,
            new Extensions(extensions));
        n.transcript().add(context.send(hello).raw());
        n.transcript().add(context.send(Certificate.tls12(PeerCertificates.encode(n.choice().credential().chain()))).raw());

        KeyShare share = null;
        if (n.suite().keyExchange() != KeyExchange.RSA) {
            share = KeyShare.generate(n.choice().group(), false, n.config().crypto(), n.config().random());
            ServerKeyExchange.Params params = n.suite().keyExchange() == KeyExchange.ECDHE
                ? new ServerKeyExchange.EcdheParams(n.choice().group(), share.publicValue())
                : dheParams(n.choice().group(), share);
            // RFC 5246 §7.4.3: sign client_random + server_random + params.
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes(n.clientHello().random());
            signed.writeBytes(n.serverRandom());
            signed.writeBytes(params.encoded());
            byte[] signature = TlsSignatures.sign(n.choice().scheme(), n.choice().credential().privateKey(),
                signed.toByteArray(), n.config().crypto(), n.config().random());
            n.transcript().add(context.send(new ServerKeyExchange(params, n.choice().scheme(), signature)).raw());
        }
        boolean askClient = n.config().clientAuth() != TlsConfig.ClientAuth.NONE;
        if (askClient) {
            // RFC 5246 §7.4.4: any RSA or ECDSA certificate signed with a scheme this server accepts.
            n.transcript().add(context.send(new CertificateRequest(
                new byte[] {CertificateRequest.RSA_SIGN, CertificateRequest.ECDSA_SIGN},
                new SignatureAlgorithms(clientSchemes(n.config())), List.of())).raw());
        }
        n.transcript().add(context.send(EmptyMessage.SERVER_HELLO_DONE).raw());
        return askClient ? new ExpectClientCertificate(n, share) : new ExpectClientKeyExchange(n, share, List.of());
    }

    private static List<SignatureScheme> clientSchemes(TlsConfig config) {
        return config.signatureSchemes().stream().filter(SignatureScheme::usableInTls12).toList();
    }

    /** Waiting for the client's Certificate, which may be empty (RFC 5246 §7.4.6). */
    private record ExpectClientCertificate(Negotiated n, KeyShare share) implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Certificate certificate = Certificate.decode(message.expect(HandshakeType.CERTIFICATE, waitingFor()), false);
            n.transcript().add(message.raw());
            if (certificate.entries().isEmpty()) {
                if (n.config().clientAuth() == TlsConfig.ClientAuth.REQUIRED) {
                    throw new TlsException(AlertDescription.HANDSHAKE_FAILURE,
                        "the client sent no certificate, and this server requires one");
                }
                return new ExpectClientKeyExchange(n, share, List.of());
            }
            List<X509Certificate> chain = PeerCertificates.parse(certificate.certificates());
            n.config().clientCertificateVerifier().verify(chain,
                new CertificateVerifier.Context(null, n.context().now(), null, n.context().observer()));
            return new ExpectClientKeyExchange(n, share, chain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's Certificate";
        }
    }

    /** Waiting for the client's CertificateVerify over every handshake message so far (RFC 5246 §7.4.8). */
    private record ExpectCertificateVerify(Negotiated n, Tls12Secrets secrets, List<X509Certificate> chain)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            CertificateVerify verify = CertificateVerify.decode(
                message.expect(HandshakeType.CERTIFICATE_VERIFY, waitingFor()));
            SignatureScheme scheme = verify.scheme();
            PublicKey key = chain.get(0).getPublicKey();
            if (!clientSchemes(n.config()).contains(scheme) || !TlsSignatures.keyMatches(scheme, key, false)) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "the client signed with " + scheme
                    + ", which this server did not ask for or which does not fit its " + key.getAlgorithm() + " key");
            }
            if (!TlsSignatures.verify(scheme, key, n.transcript().messages(), verify.signature(), n.config().crypto())) {
                throw new TlsException(AlertDescription.DECRYPT_ERROR,
                    "the client's CertificateVerify signature does not verify with its certificate's key");
            }
            n.transcript().add(message.raw());
            return new ExpectChangeCipherSpec(n, secrets, chain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's CertificateVerify";
        }
    }

    private static ServerKeyExchange.DheParams dheParams(NamedGroup group, KeyShare share) {
        var dh = dev.handshake.tls.kx.DhGroups.forNamedGroup(group);
        return new ServerKeyExchange.DheParams(unsigned(dh.p()), unsigned(dh.g()), share.publicValue());
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Waiting for ClientKeyExchange: the client's half of the key exchange gives the premaster secret. */
    private record ExpectClientKeyExchange(Negotiated n, KeyShare share, List<X509Certificate> clientChain)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            message.expect(HandshakeType.CLIENT_KEY_EXCHANGE, waitingFor());
            ClientKeyExchange keyExchange = ClientKeyExchange.decode(message, n.suite().keyExchange());
            byte[] premaster = share == null
                // RFC 5246 §7.4.7.1: never an error here; a bad ciphertext yields a random secret.
                ? RsaKeyExchange.decrypt(keyExchange.exchangeKeys(), n.choice().credential().privateKey(),
                    n.clientHello().legacyVersion(), n.config().crypto(), n.config().random())
                : share.agree(keyExchange.exchangeKeys());
            n.transcript().add(message.raw());
            Tls12Secrets secrets = new Tls12Secrets(n.context(), n.suite(), premaster,
                share == null ? RsaKeyExchange.DERIVATION : share.derivation(), n.clientHello().random(),
                n.serverRandom(), n.extendedMasterSecret(), n.transcript());
            return clientChain.isEmpty() ? new ExpectChangeCipherSpec(n, secrets, clientChain)
                : new ExpectCertificateVerify(n, secrets, clientChain);
        }

        @Override
        public String waitingFor() {
            return "waiting for ClientKeyExchange";
        }
    }

    /** Waiting for the client's ChangeCipherSpec. */
    private record ExpectChangeCipherSpec(Negotiated n, Tls12Secrets secrets, List<X509Certificate> clientChain)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            throw message.unexpected(waitingFor());
        }

        @Override
        public HandshakeState handleChangeCipherSpec() throws TlsException {
            n.context().setReadProtection(secrets.clientWrite());
            return new ExpectFinished(n, secrets, clientChain);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's ChangeCipherSpec";
        }
    }

    /** Waiting for the client's Finished; then the server sends its own. */
    private record ExpectFinished(Negotiated n, Tls12Secrets secrets, List<X509Certificate> clientChain)
            implements HandshakeState {

        @Override
        public HandshakeState handle(Handshake message) throws TlsException {
            Finished finished = Finished.decode(message.expect(HandshakeType.FINISHED, waitingFor()),
                Tls12KeySchedule.VERIFY_DATA_LENGTH);
            secrets.checkFinished(true, finished, n.transcript());
            n.transcript().add(message.raw());
            HandshakeContext context = n.context();
            context.sendChangeCipherSpec();
            context.setWriteProtection(secrets.serverWrite());
            context.send(secrets.finished(false, n.transcript()));
            NamedGroup group = n.choice().group();
            context.complete(new Session(ProtocolVersion.TLS12, n.suite(), group, group == null ? null : group.name(),
                n.choice().scheme(),
                clientChain, n.serverName(), n.applicationProtocol(), n.extendedMasterSecret(), false, false));
            return new Connected(context, false);
        }

        @Override
        public String waitingFor() {
            return "waiting for the client's Finished";
        }
    }

    private static boolean contains(byte[] values, int value) {
        for (byte b : values) {
            if ((b & 0xFF) == value) {
                return true;
            }
        }
        return false;
    }
}
