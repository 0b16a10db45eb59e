package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.trace.TlsEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS 1.3 beyond the basic handshake: key types, HelloRetryRequest, resumption, KeyUpdate, downgrade. */
class Tls13FeaturesTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);
    private static final byte[] DATA = "after the handshake".getBytes(StandardCharsets.UTF_8);

    private static TlsConfig.Builder client(TestPki pki) {
        return TlsConfig.builder().certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(pki.root()))));
    }

    private static TlsConfig.Builder server(TestPki pki) {
        return TlsConfig.builder().credential(pki.server().credential());
    }

    private static EnginePair connect(TlsConfig client, TlsConfig server) throws TlsException {
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();
        return pair;
    }

    @Test
    void anEd25519CertificateSignsWithEd25519() throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.RSA_2048).withLeaf(KeyType.ED25519));
        EnginePair pair = connect(client(pki).build(), server(pki).build());
        assertThat(pair.client.session().signatureScheme()).isEqualTo(SignatureScheme.ED25519);
    }

    @Test
    void anRsaPssCertificateSignsWithRsaPssPss() throws Exception {
        TestPki pki = TestPki.of(TestPki.Spec.of(KeyType.RSA_2048).withLeaf(KeyType.RSA_PSS));
        EnginePair pair = connect(client(pki).build(), server(pki).build());
        assertThat(pair.client.session().signatureScheme()).isEqualTo(SignatureScheme.RSA_PSS_PSS_SHA256);
    }

    @Test
    void aShareForTheWrongGroupBringsAHelloRetryRequestWithACookie() throws Exception {
        List<TlsEvent> events = new ArrayList<>();
        TlsConfig client = client(PKI).observer(events::add)
            .namedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP384R1)).build();
        TlsConfig server = server(PKI).namedGroups(List.of(NamedGroup.SECP384R1)).build();
        EnginePair pair = connect(client, server);

        assertThat(pair.client.session().namedGroup()).isEqualTo(NamedGroup.SECP384R1);
        List<ClientHello> hellos = new ArrayList<>();
        for (TlsEvent event : events) {
            if (event instanceof TlsEvent.HandshakeMessage m && m.message().type().name().equals("ClientHello")) {
                hellos.add(ClientHello.decode(m.message()));
            }
        }
        assertThat(hellos).hasSize(2);
        assertThat(hellos.get(1).extensions().has(ExtensionType.COOKIE)).isTrue();
        assertThat(hellos.get(1).random()).isEqualTo(hellos.get(0).random());
        assertThat(EnginePair.send(pair.client, pair.server, DATA)).isEqualTo(DATA);
    }

    @Test
    void aSecondConnectionResumesWithATicket() throws Exception {
        TlsConfig client = client(PKI).build();
        TlsConfig server = server(PKI).build();
        EnginePair first = connect(client, server);
        EnginePair.transfer(first.server, first.client);   // the NewSessionTickets
        assertThat(first.client.session().resumed()).isFalse();

        EnginePair second = connect(client, server);
        assertThat(second.client.session().resumed()).isTrue();
        assertThat(second.server.session().resumed()).isTrue();
        assertThat(second.client.session().peerCertificates()).isEqualTo(first.client.session().peerCertificates());
        assertThat(EnginePair.send(second.client, second.server, DATA)).isEqualTo(DATA);
    }

    @Test
    void aTicketIsOfferedOnlyToTheServerNameItCameFrom() throws Exception {
        TlsConfig client = client(PKI).build();
        TlsConfig server = server(PKI).build();
        EnginePair first = connect(client, server);
        EnginePair.transfer(first.server, first.client);
        EnginePair elsewhere = new EnginePair(client, server, "127.0.0.1");
        elsewhere.handshake();
        assertThat(elsewhere.client.session().resumed()).isFalse();
    }

    @Test
    void eachTicketIsTakenFromTheCacheOnce() throws Exception {
        SessionCache cache = SessionCache.inMemory(8);
        TlsConfig client = client(PKI).sessionCache(cache).build();
        EnginePair first = connect(client, server(PKI).build());
        EnginePair.transfer(first.server, first.client);
        Instant now = Instant.now();
        assertThat(cache.take("localhost", now)).isNotNull();
        assertThat(cache.take("localhost", now)).isNotNull();
        assertThat(cache.take("localhost", now)).isNull();
    }

    @Test
    void serversSharingATicketKeyFileResumeEachOthersSessions(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("ticket-keys");
        TlsConfig client = client(PKI).build();
        TlsConfig serverA = server(PKI).ticketKeys(TicketKeys.file(keys, new SecureRandom())).build();
        TlsConfig serverB = server(PKI).ticketKeys(TicketKeys.file(keys, new SecureRandom())).build();
        EnginePair first = connect(client, serverA);
        EnginePair.transfer(first.server, first.client);
        assertThat(keys).exists();
        assertThat(connect(client, serverB).server.session().resumed()).isTrue();
    }

    @Test
    void ticketKeysRotateAndOldTicketsExpire(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        TlsConfig client = client(PKI).clock(clock).build();
        TlsConfig server = server(PKI).clock(clock)
            .ticketKeys(TicketKeys.file(dir.resolve("keys"), new SecureRandom())).build();
        EnginePair first = connect(client, server);
        EnginePair.transfer(first.server, first.client);
        clock.advance(TicketKeys.ROTATION.plusMinutes(1));
        // A new key encrypts new tickets; the ticket from the old key still opens.
        EnginePair second = connect(client, server);
        EnginePair.transfer(second.server, second.client);
        assertThat(second.server.session().resumed()).isTrue();
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("keys")).stream()
            .filter(line -> !line.startsWith("#")).count()).isEqualTo(2);
        clock.advance(TicketKeys.TICKET_LIFETIME.plusMinutes(1));
        assertThat(connect(client, server).server.session().resumed()).isFalse();
    }

    @Test
    void keyUpdatesInBothDirectionsKeepTheDataFlowing() throws Exception {
        EnginePair pair = connect(client(PKI).build(), server(PKI).build());
        EnginePair.transfer(pair.server, pair.client);
        pair.client.updateKeys(true);
        EnginePair.transfer(pair.client, pair.server);   // KeyUpdate(update_requested)
        EnginePair.transfer(pair.server, pair.client);   // the server's answering KeyUpdate
        assertThat(EnginePair.send(pair.client, pair.server, DATA)).isEqualTo(DATA);
        assertThat(EnginePair.send(pair.server, pair.client, DATA)).isEqualTo(DATA);
        pair.server.updateKeys(false);
        assertThat(EnginePair.send(pair.server, pair.client, DATA)).isEqualTo(DATA);
        assertThat(EnginePair.send(pair.client, pair.server, DATA)).isEqualTo(DATA);
    }

    @Test
    void aTls13ServerMarksItsRandomWhenItSpeaksTls12() throws Exception {
        TlsConfig client = client(PKI).versions(List.of(ProtocolVersion.TLS12)).build();
        TlsConnection clientConnection = TlsConnection.client(client, "localhost");
        TlsConnection server = TlsConnection.server(server(PKI).build());
        EnginePair.transfer(clientConnection, server);
        ServerHello hello = ServerHello.decode(Wire.handshakes(EnginePair.drain(server)).get(0));
        assertThat(hello.hasDowngradeSentinel()).isTrue();
        assertThat(Arrays.copyOfRange(hello.random(), 24, 32)).containsExactly(0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 1);
    }

    @Test
    void aTls13ClientRefusesATls12ServerHelloWithTheSentinel() throws Exception {
        ScriptedServer server = new ScriptedServer(client(PKI).build(), PKI.server().credential());
        ServerHello hello = server.hello(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        ServerHello.markTls12Downgrade(hello.random());
        TlsException e = Alerts.assertSends(server.client, Wire.handshakeRecord(hello), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e).hasMessageContaining("downgrade");
    }

    @Test
    void theClosingSideStillReceivesAfterItsCloseNotify() throws Exception {
        EnginePair pair = connect(client(PKI).build(), server(PKI).build());
        pair.client.close();
        EnginePair.transfer(pair.client, pair.server);
        assertThat(pair.server.isPeerClosed()).isTrue();
        // RFC 8446 §6.1: closing is per direction; the server may still write.
        pair.server.write(ByteBuffer.wrap(DATA));
        EnginePair.transfer(pair.server, pair.client);
        ByteBuffer received = ByteBuffer.allocate(100);
        pair.client.read(received);
        assertThat(received.flip()).isEqualTo(ByteBuffer.wrap(DATA));
        pair.server.close();
        EnginePair.transfer(pair.server, pair.client);
        assertThat(pair.client.read(ByteBuffer.allocate(10))).isEqualTo(-1);
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
