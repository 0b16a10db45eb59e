package dev.handshake.tls.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static dev.handshake.tls.crypto.Tls13KeySchedule.CLIENT_APPLICATION_TRAFFIC;
import static dev.handshake.tls.crypto.Tls13KeySchedule.CLIENT_EARLY_TRAFFIC;
import static dev.handshake.tls.crypto.Tls13KeySchedule.CLIENT_HANDSHAKE_TRAFFIC;
import static dev.handshake.tls.crypto.Tls13KeySchedule.EARLY_EXPORTER_MASTER;
import static dev.handshake.tls.crypto.Tls13KeySchedule.EXPORTER_MASTER;
import static dev.handshake.tls.crypto.Tls13KeySchedule.RESUMPTION_MASTER;
import static dev.handshake.tls.crypto.Tls13KeySchedule.SERVER_APPLICATION_TRAFFIC;
import static dev.handshake.tls.crypto.Tls13KeySchedule.SERVER_HANDSHAKE_TRAFFIC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key schedule against the traces of RFC 8448 (TLS_AES_128_GCM_SHA256). The inputs are the
 * (EC)DHE shared secret, the PSK and the handshake messages as the trace prints them; every
 * transcript hash is computed here from those messages with {@link TranscriptHash}, and every
 * secret, key, IV, verify_data and binder is compared with the trace.
 */
class Rfc8448KeyScheduleTest {

    private static final TestVectors SIMPLE = TestVectors.load("rfc8448-section3.txt");
    private static final TestVectors RESUMED = TestVectors.load("rfc8448-section4.txt");
    private static final HexFormat HEX = HexFormat.of();

    private final CryptoProvider crypto = CryptoProvider.jca();
    private final Tls13KeySchedule keySchedule = newKeySchedule();
    private final TranscriptHash transcript = new TranscriptHash();

    private Tls13KeySchedule newKeySchedule() {
        try {
            return new Tls13KeySchedule(HashAlgorithm.SHA256, crypto);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Adds the trace's messages to the running transcript and returns its hash. */
    private byte[] hashAfter(TestVectors trace, String... messages) throws Exception {
        for (String message : messages) {
            transcript.add(trace.get(message));
        }
        if (transcript.algorithm() == null) {
            transcript.select(HashAlgorithm.SHA256, crypto, false);
        }
        return transcript.current();
    }

    @Test
    void simple1RttHandshakeSecrets() throws Exception {
        byte[] earlySecret = keySchedule.earlySecret(null);
        assertThat(earlySecret).isEqualTo(SIMPLE.get("early_secret"));

        byte[] helloHash = hashAfter(SIMPLE, "client_hello", "server_hello");
        assertThat(helloHash).isEqualTo(SIMPLE.get("hash_client_hello_to_server_hello"));

        byte[] handshakeSecret = keySchedule.handshakeSecret(earlySecret, SIMPLE.get("ecdhe_shared_secret"));
        assertThat(handshakeSecret).isEqualTo(SIMPLE.get("handshake_secret"));
        byte[] clientHandshake = keySchedule.deriveSecret(handshakeSecret, CLIENT_HANDSHAKE_TRAFFIC, helloHash);
        byte[] serverHandshake = keySchedule.deriveSecret(handshakeSecret, SERVER_HANDSHAKE_TRAFFIC, helloHash);
        assertThat(clientHandshake).isEqualTo(SIMPLE.get("client_handshake_traffic_secret"));
        assertThat(serverHandshake).isEqualTo(SIMPLE.get("server_handshake_traffic_secret"));

        byte[] masterSecret = keySchedule.masterSecret(handshakeSecret);
        assertThat(masterSecret).isEqualTo(SIMPLE.get("master_secret"));

        byte[] serverFinishedHash = hashAfter(SIMPLE, "encrypted_extensions", "certificate", "certificate_verify");
        byte[] serverVerifyData = keySchedule.finishedVerifyData(serverHandshake, serverFinishedHash);
        assertThat(serverVerifyData).isEqualTo(SIMPLE.get("server_finished_verify_data"));
        assertThat(SIMPLE.get("server_finished")).isEqualTo(finishedMessage(serverVerifyData));

        byte[] applicationHash = hashAfter(SIMPLE, "server_finished");
        assertThat(applicationHash).isEqualTo(SIMPLE.get("hash_client_hello_to_server_finished"));
        assertThat(keySchedule.deriveSecret(masterSecret, CLIENT_APPLICATION_TRAFFIC, applicationHash))
            .isEqualTo(SIMPLE.get("client_application_traffic_secret_0"));
        assertThat(keySchedule.deriveSecret(masterSecret, SERVER_APPLICATION_TRAFFIC, applicationHash))
            .isEqualTo(SIMPLE.get("server_application_traffic_secret_0"));
        assertThat(keySchedule.deriveSecret(masterSecret, EXPORTER_MASTER, applicationHash))
            .isEqualTo(SIMPLE.get("exporter_master_secret"));

        // §4.4.4: the client's Finished covers the transcript through the server's Finished.
        byte[] clientVerifyData = keySchedule.finishedVerifyData(clientHandshake, applicationHash);
        assertThat(clientVerifyData).isEqualTo(SIMPLE.get("client_finished_verify_data"));
        assertThat(SIMPLE.get("client_finished")).isEqualTo(finishedMessage(clientVerifyData));

        byte[] resumptionHash = hashAfter(SIMPLE, "client_finished");
        assertThat(resumptionHash).isEqualTo(SIMPLE.get("hash_client_hello_to_client_finished"));
        assertThat(keySchedule.deriveSecret(masterSecret, RESUMPTION_MASTER, resumptionHash))
            .isEqualTo(SIMPLE.get("resumption_master_secret"));
    }

    @Test
    void simple1RttHandshakeTrafficKeysAndIvs() throws Exception {
        assertKeys(SIMPLE, "client_handshake_traffic_secret", "client_handshake_write_key",
            "client_handshake_write_iv");
        assertKeys(SIMPLE, "server_handshake_traffic_secret", "server_handshake_write_key",
            "server_handshake_write_iv");
        assertKeys(SIMPLE, "client_application_traffic_secret_0", "client_application_write_key",
            "client_application_write_iv");
        assertKeys(SIMPLE, "server_application_traffic_secret_0", "server_application_write_key",
            "server_application_write_iv");
    }

    private void assertKeys(TestVectors trace, String secret, String key, String iv) throws Exception {
        Tls13KeySchedule.TrafficKeys keys = keySchedule.trafficKeys(trace.get(secret), AeadAlgorithm.AES_128_GCM);
        assertThat(keys.key()).as(key).isEqualTo(trace.get(key));
        assertThat(keys.iv()).as(iv).isEqualTo(trace.get(iv));
    }

    @Test
    void simple1RttHandshakeTicketPsk() throws Exception {
        byte[] psk = keySchedule.resumptionPsk(SIMPLE.get("resumption_master_secret"), ticketNonce());
        assertThat(psk).isEqualTo(SIMPLE.get("resumption_psk")).isEqualTo(RESUMED.get("resumption_psk"));
    }

    /** RFC 8446 §4.6.1: type, uint24 length, uint32 ticket_lifetime, uint32 ticket_age_add, ticket_nonce<0..255>. */
    private static byte[] ticketNonce() {
        byte[] ticket = SIMPLE.get("new_session_ticket");
        int at = 4 + 4 + 4;
        return Arrays.copyOfRange(ticket, at + 1, at + 1 + (ticket[at] & 0xFF));
    }

    @Test
    void resumed0RttHandshakeBinder() throws Exception {
        byte[] earlySecret = keySchedule.earlySecret(RESUMED.get("resumption_psk"));
        assertThat(earlySecret).isEqualTo(RESUMED.get("early_secret"));
        byte[] binderKey = keySchedule.binderKey(earlySecret, true);
        assertThat(binderKey).isEqualTo(RESUMED.get("binder_key"));

        // §4.2.11.2: the binder covers the ClientHello without its binders list, which closes the
        // hello here: uint16 list length 0x21, one uint8-prefixed 32-byte binder.
        byte[] clientHello = RESUMED.get("client_hello");
        int bindersAt = clientHello.length - 35;
        assertThat(HEX.formatHex(clientHello, bindersAt, bindersAt + 3)).isEqualTo("002120");
        byte[] truncated = Arrays.copyOf(clientHello, bindersAt);
        assertThat(truncated).isEqualTo(RESUMED.get("client_hello_prefix"));

        transcript.add(truncated);
        transcript.select(HashAlgorithm.SHA256, crypto, false);
        byte[] binderHash = transcript.current();
        assertThat(binderHash).isEqualTo(RESUMED.get("binder_hash"));

        byte[] binder = keySchedule.finishedVerifyData(binderKey, binderHash);
        assertThat(binder).isEqualTo(RESUMED.get("binder"))
            .isEqualTo(Arrays.copyOfRange(clientHello, clientHello.length - 32, clientHello.length));
    }

    @Test
    void resumed0RttHandshakeEarlySecrets() throws Exception {
        byte[] earlySecret = keySchedule.earlySecret(RESUMED.get("resumption_psk"));
        byte[] helloHash = hashAfter(RESUMED, "client_hello");
        assertThat(helloHash).isEqualTo(RESUMED.get("hash_client_hello"));

        byte[] clientEarly = keySchedule.deriveSecret(earlySecret, CLIENT_EARLY_TRAFFIC, helloHash);
        assertThat(clientEarly).isEqualTo(RESUMED.get("client_early_traffic_secret"));
        assertThat(keySchedule.deriveSecret(earlySecret, EARLY_EXPORTER_MASTER, helloHash))
            .isEqualTo(RESUMED.get("early_exporter_master_secret"));
    }

    @Test
    void resumed0RttHandshakeSecrets() throws Exception {
        // §4: the PSK and a fresh x25519 exchange; no Certificate, and EndOfEarlyData before the client's Finished.
        byte[] earlySecret = keySchedule.earlySecret(RESUMED.get("resumption_psk"));
        byte[] helloHash = hashAfter(RESUMED, "client_hello", "server_hello");
        assertThat(helloHash).isEqualTo(RESUMED.get("hash_client_hello_to_server_hello"));

        byte[] handshakeSecret = keySchedule.handshakeSecret(earlySecret, RESUMED.get("ecdhe_shared_secret"));
        assertThat(handshakeSecret).isEqualTo(RESUMED.get("handshake_secret"));
        byte[] clientHandshake = keySchedule.deriveSecret(handshakeSecret, CLIENT_HANDSHAKE_TRAFFIC, helloHash);
        byte[] serverHandshake = keySchedule.deriveSecret(handshakeSecret, SERVER_HANDSHAKE_TRAFFIC, helloHash);
        assertThat(clientHandshake).isEqualTo(RESUMED.get("client_handshake_traffic_secret"));
        assertThat(serverHandshake).isEqualTo(RESUMED.get("server_handshake_traffic_secret"));
        byte[] masterSecret = keySchedule.masterSecret(handshakeSecret);
        assertThat(masterSecret).isEqualTo(RESUMED.get("master_secret"));

        byte[] serverVerifyData = keySchedule.finishedVerifyData(serverHandshake,
            hashAfter(RESUMED, "encrypted_extensions"));
        assertThat(serverVerifyData).isEqualTo(RESUMED.get("server_finished_verify_data"));
        assertThat(RESUMED.get("server_finished")).isEqualTo(finishedMessage(serverVerifyData));

        byte[] applicationHash = hashAfter(RESUMED, "server_finished");
        assertThat(applicationHash).isEqualTo(RESUMED.get("hash_client_hello_to_server_finished"));
        assertThat(keySchedule.deriveSecret(masterSecret, CLIENT_APPLICATION_TRAFFIC, applicationHash))
            .isEqualTo(RESUMED.get("client_application_traffic_secret_0"));
        assertThat(keySchedule.deriveSecret(masterSecret, SERVER_APPLICATION_TRAFFIC, applicationHash))
            .isEqualTo(RESUMED.get("server_application_traffic_secret_0"));
        assertThat(keySchedule.deriveSecret(masterSecret, EXPORTER_MASTER, applicationHash))
            .isEqualTo(RESUMED.get("exporter_master_secret"));

        // RFC 8446 §4.4: the client's Finished covers ClientHello through EndOfEarlyData.
        byte[] clientVerifyData = keySchedule.finishedVerifyData(clientHandshake,
            hashAfter(RESUMED, "end_of_early_data"));
        assertThat(clientVerifyData).isEqualTo(RESUMED.get("client_finished_verify_data"));
        assertThat(RESUMED.get("client_finished")).isEqualTo(finishedMessage(clientVerifyData));

        byte[] resumptionHash = hashAfter(RESUMED, "client_finished");
        assertThat(resumptionHash).isEqualTo(RESUMED.get("hash_client_hello_to_client_finished"));
        assertThat(keySchedule.deriveSecret(masterSecret, RESUMPTION_MASTER, resumptionHash))
            .isEqualTo(RESUMED.get("resumption_master_secret"));
    }

    @Test
    void resumed0RttHandshakeTrafficKeysAndIvs() throws Exception {
        assertKeys(RESUMED, "client_early_traffic_secret", "client_early_write_key", "client_early_write_iv");
        assertKeys(RESUMED, "client_handshake_traffic_secret", "client_handshake_write_key",
            "client_handshake_write_iv");
        assertKeys(RESUMED, "server_handshake_traffic_secret", "server_handshake_write_key",
            "server_handshake_write_iv");
        assertKeys(RESUMED, "client_application_traffic_secret_0", "client_application_write_key",
            "client_application_write_iv");
        assertKeys(RESUMED, "server_application_traffic_secret_0", "server_application_write_key",
            "server_application_write_iv");
    }

    private static byte[] finishedMessage(byte[] verifyData) {
        byte[] message = new byte[4 + verifyData.length];
        message[0] = 20;
        message[3] = (byte) verifyData.length;
        System.arraycopy(verifyData, 0, message, 4, verifyData.length);
        return message;
    }
}
