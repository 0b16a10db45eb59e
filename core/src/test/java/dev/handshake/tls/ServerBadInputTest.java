package dev.handshake.tls;

import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.EcPointFormats;
import dev.handshake.tls.message.EmptyMessage;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Finished;
import dev.handshake.tls.message.ProtocolNameList;
import dev.handshake.tls.message.RenegotiationInfo;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SignatureAlgorithms;
import dev.handshake.tls.message.SupportedGroups;
import dev.handshake.tls.message.Writer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.handshake.tls.Alerts.assertSends;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A client that breaks the rules: the server must answer each violation with the right fatal alert. */
class ServerBadInputTest {

    private static TlsConnection server() {
        List<CipherSuite> suites = new ArrayList<>(TlsConfig.DEFAULT_CIPHER_SUITES);
        suites.add(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
        return TlsConnection.server(TlsConfig.builder().cipherSuites(suites)
            .applicationProtocols(List.of("http/1.1"))
            .credential(TestIdentities.RSA).credential(TestIdentities.EC).build());
    }

    private static List<Extension> goodExtensions() {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new SupportedGroups(NamedGroup.supported()).toExtension());
        extensions.add(EcPointFormats.uncompressedOnly());
        extensions.add(new SignatureAlgorithms(SignatureScheme.tls12()).toExtension());
        extensions.add(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET));
        extensions.add(RenegotiationInfo.initial());
        return extensions;
    }

    private static byte[] hello(ProtocolVersion version, List<CipherSuite> suites, byte[] compression,
                                List<Extension> extensions) {
        return Wire.handshakeRecord(new ClientHello(version, new byte[32], new byte[0], suites, compression,
            new Extensions(extensions)));
    }

    private static byte[] hello(List<Extension> extensions) {
        return hello(ProtocolVersion.TLS12, TlsConfig.DEFAULT_CIPHER_SUITES, new byte[] {0}, extensions);
    }

    private static List<Extension> without(ExtensionType type) {
        List<Extension> extensions = goodExtensions();
        extensions.removeIf(e -> e.type().equals(type));
        return extensions;
    }

    private static List<Extension> with(Extension extra) {
        List<Extension> extensions = goodExtensions();
        extensions.add(extra);
        return extensions;
    }

    @Test
    void aWellFormedHelloIsAnswered() throws Exception {
        TlsConnection server = server();
        server.readTls(ByteBuffer.wrap(hello(goodExtensions())));
        assertThat(Wire.handshakes(EnginePair.drain(server))).extracting(h -> h.type().name())
            .containsExactly("ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone");
    }

    @Test
    void aTls10ClientIsAProtocolVersionFailure() {
        TlsException e = assertSends(server(), hello(ProtocolVersion.TLS10, TlsConfig.DEFAULT_CIPHER_SUITES,
            new byte[] {0}, goodExtensions()), AlertDescription.PROTOCOL_VERSION);
        assertThat(e).hasMessageContaining("TLS 1.0");
    }

    @Test
    void aClientOfferingOnlyCompressionIsRefused() {
        assertSends(server(), hello(ProtocolVersion.TLS12, TlsConfig.DEFAULT_CIPHER_SUITES, new byte[] {1},
            goodExtensions()), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noSuiteInCommonIsAHandshakeFailure() {
        // TLS_RSA_WITH_AES_128_CBC_SHA and TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: CBC is never accepted.
        TlsException e = assertSends(server(), hello(ProtocolVersion.TLS12,
            List.of(new CipherSuite(0x002F), new CipherSuite(0xC013)), new byte[] {0}, goodExtensions()),
            AlertDescription.HANDSHAKE_FAILURE);
        assertThat(e).hasMessageContaining("no cipher suite in common").hasMessageContaining("0x002F");
    }

    @Test
    void noSignatureSchemeInCommonIsAHandshakeFailure() {
        List<Extension> extensions = without(ExtensionType.SIGNATURE_ALGORITHMS);
        extensions.add(new SignatureAlgorithms(List.of(SignatureScheme.RSA_PKCS1_SHA1)).toExtension());
        TlsException e = assertSends(server(), hello(ProtocolVersion.TLS12,
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), new byte[] {0}, extensions),
            AlertDescription.HANDSHAKE_FAILURE);
        assertThat(e).hasMessageContaining("signature scheme");
    }

    @Test
    void anEcdsaCertificateOnACurveTheClientDoesNotListIsNotUsed() {
        List<Extension> extensions = without(ExtensionType.SUPPORTED_GROUPS);
        extensions.add(new SupportedGroups(List.of(NamedGroup.X25519)).toExtension());
        TlsException e = assertSends(server(), hello(ProtocolVersion.TLS12,
            List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), new byte[] {0}, extensions),
            AlertDescription.HANDSHAKE_FAILURE);
        assertThat(e).hasMessageContaining("on a curve the client lists");
    }

    @Test
    void aClientWithoutExtendedMasterSecretIsRefusedByDefault() {
        assertSends(server(), hello(without(ExtensionType.EXTENDED_MASTER_SECRET)), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void aClientWithoutSecureRenegotiationIsRefused() {
        assertSends(server(), hello(without(ExtensionType.RENEGOTIATION_INFO)), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void theRenegotiationSignalingSuiteStandsForTheExtension() throws Exception {
        List<CipherSuite> suites = new ArrayList<>(TlsConfig.DEFAULT_CIPHER_SUITES);
        suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        TlsConnection server = server();
        server.readTls(ByteBuffer.wrap(hello(ProtocolVersion.TLS12, suites, new byte[] {0},
            without(ExtensionType.RENEGOTIATION_INFO))));
        assertThat(server.wantsWrite()).isTrue();
    }

    @Test
    void aDuplicateExtensionIsAnIllegalParameter() {
        TlsException e = assertSends(server(), hello(with(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET))),
            AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("extended_master_secret extension twice");
    }

    @Test
    void pointFormatsWithoutUncompressedAreAnIllegalParameter() {
        List<Extension> extensions = without(ExtensionType.EC_POINT_FORMATS);
        extensions.add(new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, 1}));
        assertSends(server(), hello(extensions), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void noApplicationProtocolInCommonIsRefused() {
        assertSends(server(), hello(with(new ProtocolNameList(List.of("h2")).toExtension())),
            AlertDescription.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void aServerNameWithIllegalCharactersIsAnIllegalParameter() {
        assertSends(server(), hello(with(new ServerNameList("bad name").toExtension())),
            AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void twoHostNamesAreAnIllegalParameter() {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u16Prefixed()) {
            writer.u8(0).opaque16("a.example".getBytes());
            writer.u8(0).opaque16("b.example".getBytes());
        }
        assertSends(server(), hello(with(new Extension(ExtensionType.SERVER_NAME, writer.toByteArray()))),
            AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aTruncatedHelloIsADecodeError() {
        byte[] record = hello(goodExtensions());
        // Cut the hello inside its extensions, keeping the headers consistent with what is left.
        byte[] cut = Arrays.copyOf(record, 5 + 4 + 60);
        cut[3] = 0;
        cut[4] = 64;
        cut[6] = 0;
        cut[7] = 0;
        cut[8] = 60;
        assertSends(server(), cut, AlertDescription.DECODE_ERROR);
    }

    @Test
    void finishedBeforeTheKeyExchangeIsUnexpected() throws Exception {
        TlsConnection server = server();
        server.readTls(ByteBuffer.wrap(hello(goodExtensions())));
        EnginePair.drain(server);
        assertSends(server, Wire.handshakeRecord(new Finished(new byte[12])), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecBeforeTheKeyExchangeIsUnexpected() throws Exception {
        TlsConnection server = server();
        server.readTls(ByteBuffer.wrap(hello(goodExtensions())));
        EnginePair.drain(server);
        assertSends(server, Wire.record(Wire.CHANGE_CIPHER_SPEC, new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    /** Runs a real client up to its second flight and lets the test alter that flight. */
    private static void alterClientKeyExchange(TlsConfig clientConfig, UnaryOperator<byte[]> alter,
                                               AlertDescription expected) throws Exception {
        TlsConnection server = server();
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        EnginePair.transfer(client, server);
        EnginePair.transfer(server, client);
        assertSends(server, alter.apply(EnginePair.drain(client)), expected);
    }

    private static TlsConfig client(CipherSuite suite, NamedGroup group) {
        TlsConfig.Builder builder = TlsConfig.builder().cipherSuites(List.of(suite))
            .certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate())));
        if (group != null) {
            builder.namedGroups(List.of(group));
        }
        return builder.build();
    }

    @Test
    void anAllZeroX25519KeyShareIsAnIllegalParameter() throws Exception {
        alterClientKeyExchange(client(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.X25519), flight -> {
            // ClientKeyExchange: 16 03 03 00 25 | 10 00 00 21 | 20 | 32 bytes of key
            Arrays.fill(flight, 10, 42, (byte) 0);
            return flight;
        }, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aP256PointOffTheCurveIsAnIllegalParameter() throws Exception {
        alterClientKeyExchange(client(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.SECP256R1), flight -> {
            // ClientKeyExchange: 16 03 03 00 46 | 10 00 00 42 | 41 | 04 X Y; flip the last byte of Y.
            flight[10 + 64] ^= 1;
            return flight;
        }, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aDhPublicValueOfOneIsAnIllegalParameter() throws Exception {
        TlsConnection server = server();
        TlsConnection client = TlsConnection.client(client(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            NamedGroup.FFDHE2048), "localhost");
        EnginePair.transfer(client, server);
        EnginePair.drain(server);
        byte[] keyExchange = {16, 0, 0, 3, 0, 1, 1};
        TlsException e = assertSends(server, Wire.record(Wire.HANDSHAKE, keyExchange), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("[2, p-2]");
    }

    /**
     * RFC 5246 §7.4.7.1: whether the encrypted premaster secret is garbage or merely a different valid
     * secret, the server behaves the same: no alert at ClientKeyExchange, and the client's Finished then
     * fails to decrypt with bad_record_mac.
     */
    @Test
    void aBadRsaPremasterSecretIsIndistinguishableFromAWrongOne() throws Exception {
        TlsConfig config = client(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, null);
        UnaryOperator<byte[]> garbage = flight -> {
            Arrays.fill(flight, 11, 11 + 256, (byte) 0x5A);
            return flight;
        };
        UnaryOperator<byte[]> flipped = flight -> {
            flight[11 + 200] ^= 1;
            return flight;
        };
        for (UnaryOperator<byte[]> alteration : List.of(garbage, flipped)) {
            TlsException e = catchThrowableOfType(TlsException.class,
                () -> alterClientKeyExchange(config, alteration, AlertDescription.BAD_RECORD_MAC));
            assertThat(e).isNull();
        }
    }

    @Test
    void theServerHelloDoneIsEmpty() throws Exception {
        TlsConnection server = server();
        server.readTls(ByteBuffer.wrap(hello(goodExtensions())));
        assertThat(Wire.handshakes(EnginePair.drain(server)).get(3).raw())
            .isEqualTo(EmptyMessage.SERVER_HELLO_DONE.toHandshake().raw());
    }
}
