package dev.handshake.tls;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a connection does besides the handshake: False Start, ALPN, SNI, closing. */
class ConnectionBehaviourTest {

    private static final byte[] EARLY = "sent before the server's Finished".getBytes(StandardCharsets.US_ASCII);

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().versions(List.of(ProtocolVersion.TLS12)).certificateVerifier(CertificateVerifier.pinned(List.of(TestIdentities.RSA.certificate())));
    }

    private static TlsConfig.Builder server() {
        return TlsConfig.builder().credential(TestIdentities.RSA);
    }

    @Test
    void falseStartSendsDataBeforeTheServersFinished() throws Exception {
        EnginePair pair = new EnginePair(client().falseStart(true).build(), server().build());
        EnginePair.transfer(pair.client, pair.server);   // ClientHello
        EnginePair.transfer(pair.server, pair.client);   // ServerHello ... ServerHelloDone
        assertThat(pair.client.isHandshaking()).isTrue();
        assertThat(pair.client.canWrite()).isTrue();
        pair.client.write(ByteBuffer.wrap(EARLY));
        byte[] flight = EnginePair.drain(pair.client);
        // ClientKeyExchange, ChangeCipherSpec, Finished, then the application data record.
        List<Wire.Record> records = Wire.records(flight);
        assertThat(records).extracting(Wire.Record::type)
            .containsExactly(Wire.HANDSHAKE, Wire.CHANGE_CIPHER_SPEC, Wire.HANDSHAKE, Wire.APPLICATION_DATA);
        pair.server.readTls(ByteBuffer.wrap(flight));
        ByteBuffer received = ByteBuffer.allocate(100);
        pair.server.read(received);
        assertThat(received.flip()).isEqualTo(ByteBuffer.wrap(EARLY));
        EnginePair.transfer(pair.server, pair.client);   // ChangeCipherSpec, Finished
        assertThat(pair.client.session().falseStart()).isTrue();
    }

    @Test
    void withoutFalseStartTheClientWaitsForTheServersFinished() throws Exception {
        EnginePair pair = new EnginePair(client().build(), server().build());
        EnginePair.transfer(pair.client, pair.server);
        EnginePair.transfer(pair.server, pair.client);
        assertThat(pair.client.canWrite()).isFalse();
        assertThatThrownBy(() -> pair.client.write(ByteBuffer.wrap(EARLY))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void falseStartIsNotUsedWithoutForwardSecrecy() throws Exception {
        EnginePair pair = new EnginePair(client().falseStart(true)
            .cipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)).build(),
            server().cipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)).build());
        EnginePair.transfer(pair.client, pair.server);
        EnginePair.transfer(pair.server, pair.client);
        assertThat(pair.client.canWrite()).isFalse();
    }

    @Test
    void alpnPicksTheServersPreferenceAmongTheClientsOffer() throws Exception {
        EnginePair pair = new EnginePair(client().applicationProtocols(List.of("http/1.1", "h2")).build(),
            server().applicationProtocols(List.of("h2", "http/1.1")).build());
        pair.handshake();
        assertThat(pair.client.session().applicationProtocol()).isEqualTo("h2");
        assertThat(pair.server.session().applicationProtocol()).isEqualTo("h2");
    }

    @Test
    void theServerLearnsTheServerName() throws Exception {
        EnginePair pair = new EnginePair(client().build(), server().build());
        pair.handshake();
        assertThat(pair.server.session().serverName()).isEqualTo("localhost");
    }

    @Test
    void closeNotifyIsAnsweredAndEndsTheStream() throws Exception {
        EnginePair pair = new EnginePair(client().build(), server().build());
        pair.handshake();
        pair.client.close();
        EnginePair.transfer(pair.client, pair.server);
        assertThat(pair.server.read(ByteBuffer.allocate(10))).isEqualTo(-1);
        assertThat(pair.server.isPeerClosed()).isTrue();
        EnginePair.transfer(pair.server, pair.client);
        assertThat(pair.client.isPeerClosed()).isTrue();
        assertThat(pair.client.read(ByteBuffer.allocate(10))).isEqualTo(-1);
    }

    @Test
    void dataBeforeCloseNotifyIsStillDelivered() throws Exception {
        EnginePair pair = new EnginePair(client().build(), server().build());
        pair.handshake();
        pair.client.write(ByteBuffer.wrap(EARLY));
        pair.client.close();
        EnginePair.transfer(pair.client, pair.server);
        ByteBuffer received = ByteBuffer.allocate(100);
        assertThat(pair.server.read(received)).isEqualTo(EARLY.length);
        assertThat(pair.server.read(received)).isEqualTo(-1);
    }
}
