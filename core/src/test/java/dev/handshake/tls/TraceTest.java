package dev.handshake.tls;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;
import dev.handshake.tls.trace.TlsEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an observer sees of a handshake: every message, record, secret, certificate check and the outcome. */
class TraceTest {

    private static final TestPki PKI = TestPki.of(KeyType.RSA_2048);

    @Test
    void theClientsObserverSeesTheWholeTls12HandshakeInWireOrder() throws Exception {
        List<TlsEvent> events = new ArrayList<>();
        TlsConfig client = TlsConfig.builder().observer(events::add).versions(List.of(ProtocolVersion.TLS12))
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(PKI.root())))).build();
        TlsConfig server = TlsConfig.builder().credential(PKI.server().credential()).build();
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();

        List<String> messages = events.stream()
            .filter(e -> e instanceof TlsEvent.HandshakeMessage)
            .map(e -> ((TlsEvent.HandshakeMessage) e).direction() + " " + ((TlsEvent.HandshakeMessage) e).message().type())
            .toList();
        assertThat(messages).containsExactly("SENT ClientHello", "RECEIVED ServerHello", "RECEIVED Certificate",
            "RECEIVED ServerKeyExchange", "RECEIVED ServerHelloDone", "SENT ClientKeyExchange", "SENT Finished",
            "RECEIVED Finished");
        assertThat(events).filteredOn(e -> e instanceof TlsEvent.Secret)
            .extracting(e -> ((TlsEvent.Secret) e).name())
            .containsExactly("pre_master_secret", "master_secret", "client_write_key", "server_write_key",
                "client_write_iv", "server_write_iv");
        assertThat(events).filteredOn(e -> e instanceof TlsEvent.CertificateCheck).isNotEmpty();
        assertThat(events).filteredOn(e -> e instanceof TlsEvent.ChangeCipherSpec).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof TlsEvent.Record r && r.protectedRecord()).isNotEmpty();
        assertThat(events.get(events.size() - 1)).isInstanceOf(TlsEvent.Completed.class);
    }

    @Test
    void aFailureIsTheLastEvent() throws Exception {
        List<TlsEvent> events = new ArrayList<>();
        TlsConfig client = TlsConfig.builder().observer(events::add).build();
        TlsConfig server = TlsConfig.builder().credential(PKI.server().credential()).build();
        EnginePair pair = new EnginePair(client, server);
        try {
            pair.handshake();
        } catch (TlsException expected) {
            // The system trust store does not know the test root.
        }
        TlsEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOfSatisfying(TlsEvent.Failed.class, failed -> {
            assertThat(failed.alert()).isEqualTo(AlertDescription.UNKNOWN_CA);
            assertThat(failed.sentByPeer()).isFalse();
        });
    }
}
