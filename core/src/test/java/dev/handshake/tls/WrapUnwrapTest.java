package dev.handshake.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.tls.trace.TlsEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * wrap and unwrap: records sealed straight into the network buffer and opened straight into the
 * application's, with the same bytes, order and records as write/writeTls and readTls/read.
 */
class WrapUnwrapTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);

    enum Version {
        TLS12(ProtocolVersion.TLS12), TLS13(ProtocolVersion.TLS13);

        final ProtocolVersion version;

        Version(ProtocolVersion version) {
            this.version = version;
        }
    }

    private static EnginePair connected(Version version, List<TlsEvent> events) throws TlsException {
        TlsConfig client = TlsConfig.builder().versions(List.of(version.version))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root()))))
            .observer(events::add)
            .build();
        TlsConfig server = TlsConfig.builder().versions(List.of(version.version))
            .credential(PKI.server().credential()).build();
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();
        assertThat(pair.client.isHandshaking()).isFalse();
        return pair;
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    /** Wraps all of {@code data} through a network buffer of {@code networkSize} bytes; returns the wire. */
    private static byte[] wrapAll(TlsConnection from, byte[] data, int networkSize) throws TlsException {
        ByteBuffer plaintext = ByteBuffer.wrap(data);
        ByteBuffer wire = ByteBuffer.allocate(data.length * 2 + 4096);
        ByteBuffer network = ByteBuffer.allocate(networkSize);
        for (int calls = 0; plaintext.hasRemaining() || from.wantsWrite(); calls++) {
            assertThat(calls).as("wrap makes progress").isLessThan(10 * data.length + 100);
            network.clear();
            if (plaintext.hasRemaining()) {
                from.wrap(plaintext, network);
            } else {
                from.writeTls(network);
            }
            wire.put(network.flip());
        }
        byte[] bytes = new byte[wire.flip().remaining()];
        wire.get(bytes);
        return bytes;
    }

    /** Unwraps {@code wire} in pieces of {@code piece} bytes into buffers of {@code plaintextSize}. */
    private static byte[] unwrapAll(TlsConnection to, byte[] wire, int piece, int plaintextSize) throws TlsException {
        ByteBuffer received = ByteBuffer.allocate(wire.length);
        ByteBuffer destination = ByteBuffer.allocate(plaintextSize);
        for (int at = 0; at < wire.length; at += piece) {
            ByteBuffer source = ByteBuffer.wrap(wire, at, Math.min(piece, wire.length - at));
            do {
                destination.clear();
                to.unwrap(source, destination);
                received.put(destination.flip());
            } while (to.hasApplicationData());
        }
        byte[] bytes = new byte[received.flip().remaining()];
        received.get(bytes);
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void carriesTheSameBytesAsWriteAndRead(Version version) throws Exception {
        EnginePair pair = connected(version, new ArrayList<>());
        byte[] data = random(100_000);
        byte[] wire = wrapAll(pair.client, data, 64 * 1024);
        assertThat(unwrapAll(pair.server, wire, wire.length, 64 * 1024)).isEqualTo(data);
        // And across: what wrap sealed, read takes; what write sealed, unwrap opens.
        pair.server.readTls(ByteBuffer.wrap(wrapAll(pair.client, data, 64 * 1024)));
        ByteBuffer read = ByteBuffer.allocate(data.length);
        while (pair.server.read(read) > 0) {
            // drains the waiting data
        }
        assertThat(read.array()).isEqualTo(data);
        pair.client.write(ByteBuffer.wrap(data));
        assertThat(unwrapAll(pair.server, EnginePair.drain(pair.client), 1000, 5000)).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void fillsASmallNetworkBufferWithShorterRecords(Version version) throws Exception {
        EnginePair pair = connected(version, new ArrayList<>());
        byte[] data = random(40_000);
        byte[] wire = wrapAll(pair.client, data, 1000);
        for (Wire.Record record : Wire.records(wire)) {
            assertThat(record.type()).isEqualTo(Wire.APPLICATION_DATA);
            assertThat(5 + record.body().length).isLessThanOrEqualTo(1000);
        }
        assertThat(unwrapAll(pair.server, wire, 777, 100)).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void keepsWhatDoesNotFitInOrderForTheNextCall(Version version) throws Exception {
        EnginePair pair = connected(version, new ArrayList<>());
        byte[] first = random(3000);
        byte[] second = random(20_000);
        pair.client.write(ByteBuffer.wrap(first));
        pair.client.write(ByteBuffer.wrap(second));
        ByteBuffer destination = ByteBuffer.allocate(10_000);
        int moved = pair.server.unwrap(ByteBuffer.wrap(EnginePair.drain(pair.client)), destination);
        assertThat(moved).isEqualTo(10_000);
        assertThat(pair.server.hasApplicationData()).isTrue();
        ByteBuffer rest = ByteBuffer.allocate(30_000);
        assertThat(pair.server.unwrap(ByteBuffer.allocate(0), rest)).isEqualTo(13_000);
        ByteBuffer all = ByteBuffer.allocate(23_000).put(destination.flip()).put(rest.flip());
        assertThat(all.array()).startsWith(first).endsWith(second);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void sendsWhatIsQueuedFirstAndSkipsHandshakeRecordsOnTheWayIn(Version version) throws Exception {
        List<TlsEvent> events = new ArrayList<>();
        EnginePair pair = connected(version, events);
        byte[] data = random(5000);
        if (version == Version.TLS13) {
            pair.client.updateKeys(true);   // a KeyUpdate waits in the queue
        } else {
            pair.client.write(ByteBuffer.wrap(new byte[] {42}));   // a record waits in the queue
        }
        byte[] wire = wrapAll(pair.client, data, 64 * 1024);
        List<Wire.Record> records = Wire.records(wire);
        assertThat(records).hasSize(2);
        byte[] received = unwrapAll(pair.server, wire, wire.length, 64 * 1024);
        if (version == Version.TLS13) {
            assertThat(received).isEqualTo(data);
            // The server answers the KeyUpdate; the client opens it into its buffer and reports no data.
            ByteBuffer answer = ByteBuffer.allocate(64 * 1024);
            int moved = pair.client.unwrap(ByteBuffer.wrap(EnginePair.drain(pair.server)), answer);
            assertThat(moved).isZero();
            assertThat(answer.position()).isZero();
            assertThat(EnginePair.send(pair.client, pair.server, data)).isEqualTo(data);
        } else {
            assertThat(received).hasSize(5001).startsWith(42);
        }
        assertThat(events).filteredOn(e -> e instanceof TlsEvent.ApplicationData a && a.direction()
            == TlsEvent.Direction.SENT).extracting(e -> ((TlsEvent.ApplicationData) e).length()).contains(5000);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void reportsTheEndOfTheStreamAfterTheLastByte(Version version) throws Exception {
        EnginePair pair = connected(version, new ArrayList<>());
        pair.client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        pair.client.close();
        ByteBuffer source = ByteBuffer.wrap(EnginePair.drain(pair.client));
        ByteBuffer two = ByteBuffer.allocate(2);
        assertThat(pair.server.unwrap(source, two)).isEqualTo(2);
        ByteBuffer more = ByteBuffer.allocate(10);
        assertThat(pair.server.unwrap(source, more)).isEqualTo(1);
        assertThat(pair.server.unwrap(source, more)).isEqualTo(-1);
    }
}
