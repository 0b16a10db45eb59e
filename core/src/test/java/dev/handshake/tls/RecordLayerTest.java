package dev.handshake.tls;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.handshake.tls.Alerts.assertSends;
import static org.assertj.core.api.Assertions.assertThat;

/** Record framing (RFC 5246 §6.2): limits, content types, fragmentation and coalescing. */
class RecordLayerTest {

    private static TlsConfig clientConfig() {
        return TlsConfig.builder().versions(List.of(ProtocolVersion.TLS12)).certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate())))
            .build();
    }

    private static TlsConnection server() {
        return TlsConnection.server(TlsConfig.builder().credential(TestIdentities.RSA).build());
    }

    private static EnginePair connected() throws TlsException {
        EnginePair pair = new EnginePair(clientConfig(), TlsConfig.builder().credential(TestIdentities.RSA).build());
        pair.handshake();
        return pair;
    }

    @Test
    void anUnknownContentTypeIsUnexpected() {
        assertSends(server(), Wire.record(24, new byte[] {1, 0, 0}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void plainHttpIsRecognisedAndRefused() {
        TlsException e = assertSends(server(), "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e).hasMessageContaining("'GET /'").hasMessageContaining("HTTP");
    }

    @Test
    void aPlaintextRecordOverTwoToTheFourteenIsARecordOverflow() {
        byte[] header = {22, 3, 3, 0x40, 0x01};
        assertSends(server(), header, AlertDescription.RECORD_OVERFLOW);
    }

    @Test
    void aProtectedRecordOverTheLimitIsARecordOverflow() throws Exception {
        EnginePair pair = connected();
        int tooLong = (1 << 14) + 257;
        assertSends(pair.server, new byte[] {23, 3, 3, (byte) (tooLong >>> 8), (byte) tooLong},
            AlertDescription.RECORD_OVERFLOW);
    }

    @Test
    void aRecordOfTheWrongVersionIsAProtocolVersionFailure() throws Exception {
        EnginePair pair = connected();
        byte[] record = EnginePair.drain(writeSome(pair.client));
        record[2] = 1;
        assertSends(pair.server, record, AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void anAlteredRecordIsABadRecordMac() throws Exception {
        EnginePair pair = connected();
        byte[] record = EnginePair.drain(writeSome(pair.client));
        record[record.length - 3] ^= 0x40;
        assertSends(pair.server, record, AlertDescription.BAD_RECORD_MAC);
    }

    @Test
    void aTruncatedProtectedRecordIsABadRecordMac() throws Exception {
        EnginePair pair = connected();
        assertSends(pair.server, Wire.record(Wire.APPLICATION_DATA, new byte[10]), AlertDescription.BAD_RECORD_MAC);
    }

    @Test
    void anAlertOfThreeBytesIsADecodeError() {
        assertSends(server(), Wire.record(Wire.ALERT, new byte[] {1, 0, 0}), AlertDescription.DECODE_ERROR);
    }

    @Test
    void anEmptyHandshakeRecordIsUnexpected() {
        assertSends(server(), Wire.record(Wire.HANDSHAKE, new byte[0]), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void aChangeCipherSpecOtherThanOneIsADecodeError() {
        assertSends(server(), Wire.record(Wire.CHANGE_CIPHER_SPEC, new byte[] {2}), AlertDescription.DECODE_ERROR);
    }

    @Test
    void anAlertInsideAFragmentedHandshakeMessageIsUnexpected() {
        byte[] partial = Wire.record(Wire.HANDSHAKE, new byte[] {1, 0, 0, 100, 3, 3});
        byte[] alert = Wire.record(Wire.ALERT, new byte[] {1, 90});
        assertSends(server(), Wire.concat(partial, alert), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void aFloodOfWarningsIsUnexpected() {
        byte[][] warnings = new byte[17][];
        for (int i = 0; i < warnings.length; i++) {
            warnings[i] = Wire.record(Wire.ALERT, new byte[] {1, 90});
        }
        assertSends(server(), Wire.concat(warnings), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void anAlertWithAnUnknownLevelIsAnIllegalParameter() {
        assertSends(server(), Wire.record(Wire.ALERT, new byte[] {3, 0}), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void theHandshakeSurvivesDeliveryOneByteAtATime() throws Exception {
        TlsConnection client = TlsConnection.client(clientConfig(), "localhost");
        TlsConnection server = server();
        for (int round = 0; round < 10 && (client.wantsWrite() || server.wantsWrite()); round++) {
            trickle(client, server);
            trickle(server, client);
        }
        assertThat(client.session()).isNotNull();
        assertThat(server.session()).isNotNull();
    }

    @Test
    void handshakeMessagesSplitAcrossRecordsAreReassembled() throws Exception {
        TlsConnection client = TlsConnection.client(clientConfig(), "localhost");
        TlsConnection server = server();
        byte[] hello = Wire.records(EnginePair.drain(client)).get(0).body();
        // One record per byte of ClientHello.
        for (byte b : hello) {
            server.readTls(ByteBuffer.wrap(Wire.record(Wire.HANDSHAKE, new byte[] {b})));
        }
        assertThat(Wire.handshakes(EnginePair.drain(server))).hasSize(4);
    }

    @Test
    void theServersFirstFlightIsCoalescedIntoOneRecord() throws Exception {
        TlsConnection client = TlsConnection.client(clientConfig(), "localhost");
        TlsConnection server = server();
        EnginePair.transfer(client, server);
        List<Wire.Record> records = Wire.records(EnginePair.drain(server));
        assertThat(records).hasSize(1);
        assertThat(Wire.handshakes(Wire.record(Wire.HANDSHAKE, records.get(0).body()))).hasSize(4);
    }

    @Test
    void largeWritesAreSplitIntoRecordsOfAtMostTwoToTheFourteen() throws Exception {
        EnginePair pair = connected();
        byte[] data = new byte[100_000];
        new java.util.Random(1).nextBytes(data);
        pair.client.write(ByteBuffer.wrap(data));
        byte[] wire = EnginePair.drain(pair.client);
        List<Wire.Record> records = Wire.records(wire);
        assertThat(records).hasSize(7);
        assertThat(records).allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo((1 << 14) + 24));
        pair.server.readTls(ByteBuffer.wrap(wire));
        ByteBuffer received = ByteBuffer.allocate(data.length);
        while (pair.server.read(received) > 0) {
            // drain
        }
        assertThat(received.array()).isEqualTo(data);
    }

    private static void trickle(TlsConnection from, TlsConnection to) throws TlsException {
        for (byte b : EnginePair.drain(from)) {
            to.readTls(ByteBuffer.wrap(new byte[] {b}));
        }
    }

    private static TlsConnection writeSome(TlsConnection connection) throws TlsException {
        connection.write(ByteBuffer.wrap("some data".getBytes(StandardCharsets.US_ASCII)));
        return connection;
    }
}
