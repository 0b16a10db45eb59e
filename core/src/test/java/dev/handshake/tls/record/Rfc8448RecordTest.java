package dev.handshake.tls.record;

import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.crypto.HashAlgorithm;
import dev.handshake.tls.crypto.TestVectors;
import dev.handshake.tls.crypto.Tls13KeySchedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protected records of RFC 8448 (TLS_AES_128_GCM_SHA256), sealed byte for byte as the trace
 * shows them and opened back to their content and real type. Records under one key follow each
 * other in the trace's order, so their sequence numbers and nonces are checked too.
 */
class Rfc8448RecordTest {

    private static final TestVectors SIMPLE = TestVectors.load("rfc8448-section3.txt");
    private static final TestVectors RESUMED = TestVectors.load("rfc8448-section4.txt");

    private final CryptoProvider crypto = CryptoProvider.jca();

    /** One record of the trace: the content and real type it carries, and its bytes on the wire. */
    private record Sent(ContentType type, byte[] content, byte[] record) {
    }

    @Test
    void serverHandshakeFlight() throws Exception {
        // §3 {server} send handshake record: EncryptedExtensions..Finished, the server's first protected record.
        assertRecords(SIMPLE, "server_handshake_write_key", "server_handshake_write_iv", List.of(
            new Sent(ContentType.HANDSHAKE, SIMPLE.get("server_handshake_record_payload"),
                SIMPLE.get("server_handshake_record"))));
    }

    @Test
    void clientFinished() throws Exception {
        assertRecords(SIMPLE, "client_handshake_write_key", "client_handshake_write_iv", List.of(
            new Sent(ContentType.HANDSHAKE, SIMPLE.get("client_finished"), SIMPLE.get("client_finished_record"))));
    }

    @Test
    void serverApplicationRecords() throws Exception {
        // NewSessionTicket (sequence 0), application data (1), close_notify (2).
        assertRecords(SIMPLE, "server_application_write_key", "server_application_write_iv", List.of(
            new Sent(ContentType.HANDSHAKE, SIMPLE.get("new_session_ticket"), SIMPLE.get("new_session_ticket_record")),
            new Sent(ContentType.APPLICATION_DATA, SIMPLE.get("application_data"),
                SIMPLE.get("server_application_data_record")),
            new Sent(ContentType.ALERT, SIMPLE.get("close_notify"), SIMPLE.get("server_close_notify_record"))));
    }

    @Test
    void clientApplicationRecords() throws Exception {
        assertRecords(SIMPLE, "client_application_write_key", "client_application_write_iv", List.of(
            new Sent(ContentType.APPLICATION_DATA, SIMPLE.get("application_data"),
                SIMPLE.get("client_application_data_record")),
            new Sent(ContentType.ALERT, SIMPLE.get("close_notify"), SIMPLE.get("client_close_notify_record"))));
    }

    @Test
    void resumedEarlyDataThenEndOfEarlyData() throws Exception {
        // §4: 0-RTT application data (sequence 0), then EndOfEarlyData (1) under client_early_traffic_secret.
        assertRecords(RESUMED, "client_early_write_key", "client_early_write_iv", List.of(
            new Sent(ContentType.APPLICATION_DATA, RESUMED.get("early_application_data"),
                RESUMED.get("early_application_data_record")),
            new Sent(ContentType.HANDSHAKE, RESUMED.get("end_of_early_data"),
                RESUMED.get("end_of_early_data_record"))));
    }

    @Test
    void resumedHandshakeRecords() throws Exception {
        assertRecords(RESUMED, "server_handshake_write_key", "server_handshake_write_iv", List.of(
            new Sent(ContentType.HANDSHAKE, RESUMED.get("server_handshake_record_payload"),
                RESUMED.get("server_handshake_record"))));
        assertRecords(RESUMED, "client_handshake_write_key", "client_handshake_write_iv", List.of(
            new Sent(ContentType.HANDSHAKE, RESUMED.get("client_finished"), RESUMED.get("client_finished_record"))));
    }

    @Test
    void resumedApplicationRecords() throws Exception {
        assertRecords(RESUMED, "client_application_write_key", "client_application_write_iv", List.of(
            new Sent(ContentType.APPLICATION_DATA, RESUMED.get("application_data"),
                RESUMED.get("client_application_data_record")),
            new Sent(ContentType.ALERT, RESUMED.get("close_notify"), RESUMED.get("client_close_notify_record"))));
        assertRecords(RESUMED, "server_application_write_key", "server_application_write_iv", List.of(
            new Sent(ContentType.APPLICATION_DATA, RESUMED.get("application_data"),
                RESUMED.get("server_application_data_record")),
            new Sent(ContentType.ALERT, RESUMED.get("close_notify"), RESUMED.get("server_close_notify_record"))));
    }

    @Test
    void protectionFromTrafficSecret() throws Exception {
        Tls13KeySchedule keySchedule = new Tls13KeySchedule(HashAlgorithm.SHA256, crypto);
        RecordProtection server = Tls13AeadProtection.fromTrafficSecret(keySchedule,
            SIMPLE.get("server_handshake_traffic_secret"), AeadAlgorithm.AES_128_GCM, crypto);
        byte[] flight = SIMPLE.get("server_handshake_record_payload");
        assertThat(server.seal(ContentType.HANDSHAKE, flight, 0, flight.length))
            .isEqualTo(SIMPLE.get("server_handshake_record"));
    }

    private void assertRecords(TestVectors trace, String key, String iv, List<Sent> records) throws Exception {
        Tls13AeadProtection sealer = new Tls13AeadProtection(AeadAlgorithm.AES_128_GCM, trace.get(key), trace.get(iv),
            crypto);
        Tls13AeadProtection opener = new Tls13AeadProtection(AeadAlgorithm.AES_128_GCM, trace.get(key), trace.get(iv),
            crypto);
        for (Sent sent : records) {
            byte[] content = sent.content();
            assertThat(sealer.seal(sent.type(), content, 0, content.length)).isEqualTo(sent.record());
            RecordProtection.Plaintext opened = Records.open(opener, sent.record());
            assertThat(opened.type()).isEqualTo(sent.type());
            assertThat(opened.data()).isEqualTo(content);
        }
        assertThat(sealer.sequenceNumber()).isEqualTo(records.size());
        assertThat(opener.sequenceNumber()).isEqualTo(records.size());
    }
}
