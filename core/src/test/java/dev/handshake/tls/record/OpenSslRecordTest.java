package dev.handshake.tls.record;

import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.crypto.HashAlgorithm;
import dev.handshake.tls.crypto.TestVectors;
import dev.handshake.tls.crypto.Tls13KeySchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records OpenSSL's s_client wrote under each TLS 1.3 suite, around a KeyUpdate: traffic keys
 * for every AEAD and both hashes, the per-record nonce over several sequence numbers, and the
 * "traffic upd" derivation of RFC 8446 §7.2, all against an independent implementation.
 */
class OpenSslRecordTest {

    private final CryptoProvider crypto = CryptoProvider.jca();

    @ParameterizedTest
    @CsvSource({
        "openssl-aes128gcm-sha256.txt, SHA256, AES_128_GCM",
        "openssl-aes256gcm-sha384.txt, SHA384, AES_256_GCM",
        "openssl-chacha20poly1305-sha256.txt, SHA256, CHACHA20_POLY1305"})
    void recordsAroundKeyUpdate(String resource, HashAlgorithm hash, AeadAlgorithm aead) throws Exception {
        TestVectors openssl = TestVectors.load(resource);
        Tls13KeySchedule keySchedule = new Tls13KeySchedule(hash, crypto);
        byte[] secret0 = openssl.get("client_application_traffic_secret_0");
        byte[] secret1 = keySchedule.nextTrafficSecret(secret0);

        RecordProtection before = Tls13AeadProtection.fromTrafficSecret(keySchedule, secret0, aead, crypto);
        assertOpens(before, openssl.get("record_before_update"), ContentType.APPLICATION_DATA,
            ascii("before update\n"));
        // RFC 8446 §4.6.3: KeyUpdate, update_not_requested, sent under the old key.
        assertOpens(before, openssl.get("record_key_update"), ContentType.HANDSHAKE,
            HexFormat.of().parseHex("1800000100"));

        RecordProtection after = Tls13AeadProtection.fromTrafficSecret(keySchedule, secret1, aead, crypto);
        assertOpens(after, openssl.get("record_after_update"), ContentType.APPLICATION_DATA, ascii("after update\n"));
        assertOpens(after, openssl.get("record_close_notify"), ContentType.ALERT, new byte[] {1, 0});

        RecordProtection sealer = Tls13AeadProtection.fromTrafficSecret(keySchedule, secret1, aead, crypto);
        byte[] data = ascii("after update\n");
        assertThat(sealer.seal(ContentType.APPLICATION_DATA, data, 0, data.length))
            .isEqualTo(openssl.get("record_after_update"));
    }

    private static void assertOpens(RecordProtection protection, byte[] record, ContentType type, byte[] content)
        throws Exception {
        RecordProtection.Plaintext opened = Records.open(protection, record);
        assertThat(opened.type()).isEqualTo(type);
        assertThat(opened.data()).isEqualTo(content);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
