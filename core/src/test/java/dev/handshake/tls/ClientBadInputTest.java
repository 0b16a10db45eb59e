package dev.handshake.tls;

import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.kx.DhGroups;
import dev.handshake.tls.kx.KeyShare;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.EmptyMessage;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.RenegotiationInfo;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerKeyExchange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static dev.handshake.tls.Alerts.assertSends;
import static dev.handshake.tls.CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;
import static dev.handshake.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
import static dev.handshake.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
import static dev.handshake.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A server that breaks the rules: the client must answer each violation with the right fatal alert. */
class ClientBadInputTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static ScriptedServer ecdheRsa() throws TlsException {
        return ScriptedServer.forSuites(TestIdentities.RSA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TLS_DHE_RSA_WITH_AES_128_GCM_SHA256);
    }

    private static byte[] x25519Public() throws TlsException {
        return KeyShare.generate(NamedGroup.X25519, false, CryptoProvider.jca(), RANDOM).publicValue();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** The server's flight up to ServerHelloDone, with the given key exchange parameters. */
    private static byte[] flight(ScriptedServer server, CipherSuite suite, ServerKeyExchange ske) throws Exception {
        return Wire.handshakeRecord(server.hello(suite), server.certificate(), ske, EmptyMessage.SERVER_HELLO_DONE);
    }

    @Test
    void aSuiteTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        TlsException e = assertSends(server.client,
            Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("did not offer");
    }

    @Test
    void anOldVersionIsAProtocolVersionFailure() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerHello hello = server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        ServerHello tls11 = new ServerHello(ProtocolVersion.TLS11, hello.random(), hello.sessionId(),
            hello.cipherSuite(), 0, hello.extensions());
        assertSends(server.client, Wire.handshakeRecord(tls11), AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void compressionIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerHello hello = server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        ServerHello deflate = new ServerHello(hello.legacyVersion(), hello.random(), hello.sessionId(),
            hello.cipherSuite(), 1, hello.extensions());
        assertSends(server.client, Wire.handshakeRecord(deflate), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void anExtensionTheClientDidNotSendIsUnsupported() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            Extension.empty(ExtensionType.SESSION_TICKET))), AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void aServerWithoutExtendedMasterSecretIsRefusedByDefault() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerHello hello = new ServerHello(ProtocolVersion.TLS12, server.random, new byte[0],
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, new Extensions(List.of(RenegotiationInfo.initial())));
        TlsException e = assertSends(server.client, Wire.handshakeRecord(hello), AlertDescription.HANDSHAKE_FAILURE);
        assertThat(e).hasMessageContaining("RFC 7627");
    }

    @Test
    void aServerWithoutSecureRenegotiationIsRefused() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerHello hello = new ServerHello(ProtocolVersion.TLS12, server.random, new byte[0],
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0,
            new Extensions(List.of(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET))));
        assertSends(server.client, Wire.handshakeRecord(hello), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void anAlpnProtocolTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        ScriptedServer server = new ScriptedServer(TlsConfig.builder().applicationProtocols(List.of("h2"))
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build(), TestIdentities.RSA);
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            new ProtocolNameList(List.of("spdy/3")).toExtension())), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aMessageOutOfOrderIsUnexpected() throws Exception {
        ScriptedServer server = ecdheRsa();
        TlsException e = assertSends(server.client, Wire.handshakeRecord(EmptyMessage.SERVER_HELLO_DONE),
            AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e).hasMessage("received ServerHelloDone while waiting for ServerHello");
    }

    @Test
    void aTruncatedServerHelloIsADecodeError() throws Exception {
        ScriptedServer server = ecdheRsa();
        byte[] raw = server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).toHandshake().raw();
        byte[] truncated = Arrays.copyOf(raw, 30);
        truncated[1] = 0;
        truncated[2] = 0;
        truncated[3] = 26;
        assertSends(server.client, Wire.record(Wire.HANDSHAKE, truncated), AlertDescription.DECODE_ERROR);
    }

    @Test
    void aHandshakeMessageOverTheSizeLimitIsRefusedBeforeItArrives() throws Exception {
        ScriptedServer server = ecdheRsa();
        byte[] header = {2, 0x01, 0x10, 0x00};
        TlsException e = assertSends(server.client, Wire.record(Wire.HANDSHAKE, header), AlertDescription.DECODE_ERROR);
        assertThat(e).hasMessageContaining("69632").hasMessageContaining("65536");
    }

    @Test
    void garbageInTheCertificateIsABadCertificate() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            Certificate.tls12(List.of(new byte[] {0x30, 0x03, 1, 2, 3}))), AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void anEmptyCertificateListIsADecodeError() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            Certificate.tls12(List.of())), AlertDescription.DECODE_ERROR);
    }

    @Test
    void aCertificateThatIsNotPinnedIsABadCertificate() throws Exception {
        Credential other = TestIdentities.other();
        ScriptedServer server = new ScriptedServer(TlsConfig.builder()
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build(), other);
        TlsException e = assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            server.certificate()), AlertDescription.BAD_CERTIFICATE);
        assertThat(e).hasMessageContaining("not one of the pinned");
    }

    @Test
    void anExpiredCertificateIsCertificateExpired() throws Exception {
        Clock later = Clock.fixed(Instant.now().plusSeconds(400L * 24 * 3600), ZoneOffset.UTC);
        ScriptedServer server = new ScriptedServer(TlsConfig.builder().clock(later)
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build(), TestIdentities.RSA);
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            server.certificate()), AlertDescription.CERTIFICATE_EXPIRED);
    }

    @Test
    void anRsaCertificateForAnEcdsaSuiteIsUnsupported() throws Exception {
        ScriptedServer server = new ScriptedServer(TlsConfig.builder()
            .cipherSuites(List.of(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build(), TestIdentities.RSA);
        assertSends(server.client, Wire.handshakeRecord(server.hello(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
            server.certificate()), AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    @Test
    void aForgedKeyExchangeSignatureIsADecryptError() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerKeyExchange ske = server.keyExchange(
            new ServerKeyExchange.EcdheParams(NamedGroup.X25519, x25519Public()), SignatureScheme.RSA_PSS_RSAE_SHA256);
        byte[] forged = ske.signature().clone();
        forged[10] ^= 1;
        TlsException e = assertSends(server.client, flight(server, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            new ServerKeyExchange(ske.params(), ske.scheme(), forged)), AlertDescription.DECRYPT_ERROR);
        assertThat(e).hasMessageContaining("does not verify");
    }

    @Test
    void aSignatureSchemeTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        ServerKeyExchange ske = server.keyExchange(
            new ServerKeyExchange.EcdheParams(NamedGroup.X25519, x25519Public()), SignatureScheme.RSA_PKCS1_SHA256);
        ServerKeyExchange sha1 = new ServerKeyExchange(ske.params(), SignatureScheme.RSA_PKCS1_SHA1, ske.signature());
        assertSends(server.client, flight(server, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, sha1),
            AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aCurveTheClientDidNotOfferIsAnIllegalParameter() throws Exception {
        ScriptedServer server = new ScriptedServer(TlsConfig.builder().namedGroups(List.of(NamedGroup.X25519))
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate()))).build(), TestIdentities.RSA);
        byte[] p384 = KeyShare.generate(NamedGroup.SECP384R1, false, CryptoProvider.jca(), RANDOM).publicValue();
        assertSends(server.client, flight(server, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, server.keyExchange(
                new ServerKeyExchange.EcdheParams(NamedGroup.SECP384R1, p384), SignatureScheme.RSA_PSS_RSAE_SHA256)),
            AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aPointOffTheCurveIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        byte[] point = KeyShare.generate(NamedGroup.SECP256R1, false, CryptoProvider.jca(), RANDOM).publicValue();
        point[64] ^= 1;
        TlsException e = assertSends(server.client, flight(server, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            server.keyExchange(new ServerKeyExchange.EcdheParams(NamedGroup.SECP256R1, point),
                SignatureScheme.RSA_PSS_RSAE_SHA256)), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("not on the curve");
    }

    @Test
    void anAllZeroX25519KeyIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, flight(server, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            server.keyExchange(new ServerKeyExchange.EcdheParams(NamedGroup.X25519, new byte[32]),
                SignatureScheme.RSA_PSS_RSAE_SHA256)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aSmallDhPrimeIsInsufficientSecurity() throws Exception {
        ScriptedServer server = ecdheRsa();
        BigInteger p1024 = BigInteger.ONE.shiftLeft(1023).add(BigInteger.valueOf(1155));
        TlsException e = assertSends(server.client, flight(server, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            server.keyExchange(new ServerKeyExchange.DheParams(unsigned(p1024), new byte[] {2}, new byte[] {5}),
                SignatureScheme.RSA_PSS_RSAE_SHA256)), AlertDescription.INSUFFICIENT_SECURITY);
        assertThat(e).hasMessageContaining("1024-bit");
    }

    @Test
    void aDhModulusThatIsNotASafePrimeIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        BigInteger composite = DhGroups.FFDHE2048.p().add(BigInteger.TWO);
        assertSends(server.client, flight(server, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            server.keyExchange(new ServerKeyExchange.DheParams(unsigned(composite), new byte[] {2}, new byte[] {5}),
                SignatureScheme.RSA_PSS_RSAE_SHA256)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aDhPublicValueOutsideTheGroupIsAnIllegalParameter() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, flight(server, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            server.keyExchange(new ServerKeyExchange.DheParams(unsigned(DhGroups.MODP2048.p()), new byte[] {2},
                new byte[] {1}), SignatureScheme.RSA_PSS_RSAE_SHA256)), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpected() throws Exception {
        ScriptedServer server = ecdheRsa();
        assertSends(server.client, Wire.record(Wire.APPLICATION_DATA, new byte[] {1, 2, 3}),
            AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void aFatalAlertFromTheServerEndsTheHandshakeWithoutAnAnswer() throws Exception {
        ScriptedServer server = ecdheRsa();
        TlsException e = catchThrowableOfType(TlsException.class, () -> server.client.readTls(
            ByteBuffer.wrap(Wire.record(Wire.ALERT, new byte[] {2, 40}))));
        assertThat(e.alert()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
        assertThat(e.sentByPeer()).isTrue();
        assertThat(server.client.wantsWrite()).isFalse();
    }
}
