package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.KeyShareEntry;
import dev.handshake.tls.message.KeyShareExtension;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.PskKeyExchangeModes;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.message.SupportedVersions;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.handshake.tls.Alerts.assertSends;
import static org.assertj.core.api.Assertions.assertThat;

/** Violations of RFC 8446 by either side, each answered with the alert the RFC names. */
class Tls13BadInputTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TlsConfig client() {
        return TlsConfig.builder().certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root()))))
            .build();
    }

    private static TlsConnection server() {
        return TlsConnection.server(TlsConfig.builder().credential(PKI.server().credential()).build());
    }

    private static byte[] share(NamedGroup group) throws TlsException {
        return KeyShare.generate(group, true, CryptoProvider.jca(), RANDOM).publicValue();
    }

    // ---- what a server must refuse in a ClientHello ----

    private static List<Extension> tls13Extensions() throws TlsException {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new SupportedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).toExtension());
        extensions.add(new SignatureAlgorithms(SignatureScheme.supported()).toExtension());
        extensions.add(new SupportedVersions(List.of(ProtocolVersion.TLS13)).toExtension());
        extensions.add(KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.X25519, share(NamedGroup.X25519)))));
        return extensions;
    }

    private static byte[] hello(List<Extension> extensions) {
        return hello(extensions, new byte[] {0}, List.of(CipherSuite.TLS_AES_128_GCM_SHA256));
    }

    private static byte[] hello(List<Extension> extensions, byte[] compression, List<CipherSuite> suites) {
        return Wire.handshakeRecord(new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0], suites,
            compression, new Extensions(extensions)));
    }

    private static List<Extension> without(ExtensionType type) throws TlsException {
        List<Extension> extensions = tls13Extensions();
        extensions.removeIf(e -> e.type().equals(type));
        return extensions;
    }

    @Test
    void aWellFormedTls13HelloIsAnswered() throws Exception {
        TlsConnection server = server();
        server.readTls(java.nio.ByteBuffer.wrap(hello(tls13Extensions())));
        assertThat(Wire.records(EnginePair.drain(server))).isNotEmpty();
    }

    @Test
    void withoutSignatureAlgorithmsAnExtensionIsMissing() throws Exception {
        assertSends(server(), hello(without(ExtensionType.SIGNATURE_ALGORITHMS)), AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void withoutKeyShareAnExtensionIsMissing() throws Exception {
        assertSends(server(), hello(without(ExtensionType.KEY_SHARE)), AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void aShareForAGroupNotListedIsAnIllegalParameter() throws Exception {
        List<Extension> extensions = without(ExtensionType.KEY_SHARE);
        extensions.add(KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.SECP384R1,
            share(NamedGroup.SECP384R1)))));
        assertSends(server(), hello(extensions), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void twoSharesForOneGroupAreAnIllegalParameter() throws Exception {
        List<Extension> extensions = without(ExtensionType.KEY_SHARE);
        byte[] key = share(NamedGroup.X25519);
        extensions.add(KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.X25519, key),
            new KeyShareEntry(NamedGroup.X25519, key))));
        assertSends(server(), hello(extensions), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void compressionMethodsOtherThanNullAloneAreAnIllegalParameter() throws Exception {
        assertSends(server(), hello(tls13Extensions(), new byte[] {0, 1}, List.of(CipherSuite.TLS_AES_128_GCM_SHA256)),
            AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aPreSharedKeyThatIsNotLastIsAnIllegalParameter() throws Exception {
        List<Extension> extensions = tls13Extensions();
        extensions.add(0, new PreSharedKey.Offered(List.of(new PreSharedKey.Identity(new byte[16], 0)),
            List.of(new byte[32])).toExtension());
        extensions.add(PskKeyExchangeModes.dheOnly());
        assertSends(server(), hello(extensions), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aPreSharedKeyWithoutModesIsMissingAnExtension() throws Exception {
        List<Extension> extensions = tls13Extensions();
        extensions.add(new PreSharedKey.Offered(List.of(new PreSharedKey.Identity(new byte[16], 0)),
            List.of(new byte[32])).toExtension());
        assertSends(server(), hello(extensions), AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void noTls13SuiteInCommonIsAHandshakeFailure() throws Exception {
        assertSends(server(), hello(tls13Extensions(), new byte[] {0},
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void onlyTls13AgainstATls12OnlyServerIsAProtocolVersionFailure() throws Exception {
        TlsConnection server = TlsConnection.server(TlsConfig.builder().versions(List.of(ProtocolVersion.TLS12))
            .credential(PKI.server().credential()).build());
        assertSends(server, hello(tls13Extensions()), AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void aFallbackToTls12AgainstATls13ServerIsInappropriate() throws Exception {
        List<Extension> extensions = tls13Extensions();
        extensions.removeIf(e -> e.type().equals(ExtensionType.SUPPORTED_VERSIONS));
        extensions.add(new SupportedVersions(List.of(ProtocolVersion.TLS12)).toExtension());
        assertSends(server(), hello(extensions, new byte[] {0},
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_FALLBACK_SCSV)),
            AlertDescription.INAPPROPRIATE_FALLBACK);
    }

    @Test
    void aForgedBinderIsADecryptError() throws Exception {
        TlsConfig client = client();
        TlsConfig serverConfig = TlsConfig.builder().credential(PKI.server().credential()).build();
        EnginePair first = new EnginePair(client, serverConfig);
        first.handshake();
        TlsConnection resuming = TlsConnection.client(client, "localhost");
        byte[] hello = EnginePair.drain(resuming);
        hello[hello.length - 1] ^= 1;   // the binder is the last byte of the ClientHello
        TlsException e = assertSends(TlsConnection.server(serverConfig), hello, AlertDescription.DECRYPT_ERROR);
        assertThat(e).hasMessageContaining("binder");
    }

    @Test
    void aSecondClientHelloWithoutTheCookieIsAnIllegalParameter() throws Exception {
        TlsConnection server = TlsConnection.server(TlsConfig.builder().credential(PKI.server().credential())
            .namedGroups(List.of(NamedGroup.SECP256R1)).build());
        server.readTls(java.nio.ByteBuffer.wrap(hello(tls13Extensions())));
        ServerHello retry = ServerHello.decode(Wire.handshakes(EnginePair.drain(server)).get(0));
        assertThat(retry.isHelloRetryRequest()).isTrue();
        List<Extension> second = without(ExtensionType.KEY_SHARE);
        second.add(KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.SECP256R1,
            share(NamedGroup.SECP256R1)))));
        TlsException e = assertSends(server, hello(second), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("cookie");
    }

    // ---- what a client must refuse in a ServerHello ----

    /** A client that offered TLS 1.3, and the first key share it sent. */
    private record Offer(TlsConnection client, ClientHello hello) {
    }

    private static Offer offer() throws TlsException {
        TlsConnection client = TlsConnection.client(client(), "localhost");
        return new Offer(client, ClientHello.decode(Wire.handshakes(EnginePair.drain(client)).get(0)));
    }

    private static byte[] serverHello(Offer offer, CipherSuite suite, byte[] sessionId, List<Extension> extensions) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Wire.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, random, sessionId, suite, 0,
            new Extensions(extensions)));
    }

    private static List<Extension> serverExtensions(NamedGroup group) throws TlsException {
        return new ArrayList<>(List.of(SupportedVersions.selected(ProtocolVersion.TLS13),
            KeyShareExtension.serverShare(new KeyShareEntry(group, share(group)))));
    }

    @Test
    void aVersionTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        List<Extension> extensions = serverExtensions(NamedGroup.X25519);
        extensions.set(0, SupportedVersions.selected(new ProtocolVersion(0x0305)));
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            extensions), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aServerHelloWithoutKeyShareIsMissingAnExtension() throws Exception {
        Offer offer = offer();
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            List.of(SupportedVersions.selected(ProtocolVersion.TLS13))), AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void aShareForAGroupTheClientSentNoShareForIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            serverExtensions(NamedGroup.SECP256R1)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aSessionIdThatIsNotEchoedIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[32],
            serverExtensions(NamedGroup.X25519)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aTls12SuiteInATls13ServerHelloIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            offer.hello().sessionId(), serverExtensions(NamedGroup.X25519)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aPreSharedKeyTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        List<Extension> extensions = serverExtensions(NamedGroup.X25519);
        extensions.add(PreSharedKey.selected(0));
        assertSends(offer.client(), serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            extensions), AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void aHelloRetryRequestForAShareAlreadySentIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        byte[] retry = Wire.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(),
            offer.hello().sessionId(), CipherSuite.TLS_AES_128_GCM_SHA256, 0, new Extensions(List.of(
            SupportedVersions.selected(ProtocolVersion.TLS13), KeyShareExtension.selectedGroup(NamedGroup.X25519)))));
        assertSends(offer.client(), retry, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aHelloRetryRequestThatChangesNothingIsAnIllegalParameter() throws Exception {
        Offer offer = offer();
        byte[] retry = Wire.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(),
            offer.hello().sessionId(), CipherSuite.TLS_AES_128_GCM_SHA256, 0, new Extensions(List.of(
            SupportedVersions.selected(ProtocolVersion.TLS13)))));
        assertSends(offer.client(), retry, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aSecondHelloRetryRequestIsUnexpected() throws Exception {
        Offer offer = offer();
        byte[] retry = Wire.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(),
            offer.hello().sessionId(), CipherSuite.TLS_AES_128_GCM_SHA256, 0, new Extensions(List.of(
            SupportedVersions.selected(ProtocolVersion.TLS13), KeyShareExtension.selectedGroup(NamedGroup.SECP256R1)))));
        offer.client().readTls(java.nio.ByteBuffer.wrap(retry));
        EnginePair.drain(offer.client());
        byte[] again = Wire.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(),
            offer.hello().sessionId(), CipherSuite.TLS_AES_128_GCM_SHA256, 0, new Extensions(List.of(
            SupportedVersions.selected(ProtocolVersion.TLS13), KeyShareExtension.selectedGroup(NamedGroup.SECP384R1)))));
        assertSends(offer.client(), again, AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void aHandshakeRecordThatContinuesPastTheKeyChangeIsUnexpected() throws Exception {
        Offer offer = offer();
        byte[] hello = serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            serverExtensions(NamedGroup.X25519));
        // An EncryptedExtensions in the clear, in the ServerHello's record: after ServerHello the keys change.
        byte[] body = Wire.concat(Arrays.copyOfRange(hello, 5, hello.length), new byte[] {8, 0, 0, 2, 0, 0});
        TlsException e = assertSends(offer.client(), Wire.record(Wire.HANDSHAKE, body), AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e).hasMessageContaining("key change");
    }

    @Test
    void compatibilityChangeCipherSpecsAreDroppedButOnlyTheByteOne() throws Exception {
        Offer offer = offer();
        byte[] hello = serverHello(offer, CipherSuite.TLS_AES_128_GCM_SHA256, offer.hello().sessionId(),
            serverExtensions(NamedGroup.X25519));
        byte[] ccs = Wire.record(Wire.CHANGE_CIPHER_SPEC, new byte[] {1});
        // RFC 8446 §5: dropped whenever it comes before the peer's Finished (SunJSSE sends two).
        offer.client().readTls(java.nio.ByteBuffer.wrap(Wire.concat(hello, ccs, ccs)));
        TlsException e = assertSends(offer.client(), Wire.record(Wire.CHANGE_CIPHER_SPEC, new byte[] {2}),
            AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e).hasMessageContaining("single byte 1");
    }
}
