package dev.handshake.tls.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the key schedule RFC 8448 does not show: the exporter (checked against OpenSSL,
 * for SHA-256 and SHA-384), the zero inputs of §7.1, and the external-PSK binder label.
 */
class Tls13KeyScheduleTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Tls13KeySchedule keySchedule(HashAlgorithm hash) throws Exception {
        return new Tls13KeySchedule(hash, CryptoProvider.jca());
    }

    @ParameterizedTest
    @CsvSource({
        "openssl-aes128gcm-sha256.txt, SHA256",
        "openssl-chacha20poly1305-sha256.txt, SHA256",
        "openssl-aes256gcm-sha384.txt, SHA384"})
    void exporterMatchesOpenSsl(String resource, HashAlgorithm hash) throws Exception {
        TestVectors openssl = TestVectors.load(resource);
        byte[] exported = keySchedule(hash).exportKeyingMaterial(openssl.get("exporter_master_secret"),
            "EXPORTER-handshake-test", null, 42);
        assertThat(exported).isEqualTo(openssl.get("exported_keying_material"));
    }

    @Test
    void exporterWithoutContextEqualsEmptyContext() throws Exception {
        // RFC 8446 §7.5: "providing no context computes the same value as providing an empty context".
        Tls13KeySchedule keySchedule = keySchedule(HashAlgorithm.SHA256);
        byte[] secret = new byte[32];
        byte[] none = keySchedule.exportKeyingMaterial(secret, "EXPORTER-test", null, 32);
        assertThat(keySchedule.exportKeyingMaterial(secret, "EXPORTER-test", new byte[0], 32)).isEqualTo(none);
        assertThat(keySchedule.exportKeyingMaterial(secret, "EXPORTER-test",
            "context".getBytes(StandardCharsets.US_ASCII), 32)).isNotEqualTo(none);
        assertThat(keySchedule.exportKeyingMaterial(secret, "EXPORTER-other", null, 32)).isNotEqualTo(none);
        assertThat(keySchedule.exportKeyingMaterial(secret, "EXPORTER-test", null, 100)).hasSize(100);
    }

    @Test
    void missingSecretsAreHashLengthZeros() throws Exception {
        // RFC 8446 §7.1: "If a given secret is not available, then the 0-value ... is used."
        Tls13KeySchedule keySchedule = keySchedule(HashAlgorithm.SHA384);
        byte[] earlySecret = keySchedule.earlySecret(null);
        assertThat(earlySecret).hasSize(48).isEqualTo(keySchedule.earlySecret(new byte[48]));
        assertThat(keySchedule.handshakeSecret(earlySecret, null))
            .isEqualTo(keySchedule.handshakeSecret(earlySecret, new byte[48]));
    }

    @Test
    void externalAndResumptionBindersDiffer() throws Exception {
        // RFC 8446 §7.1: "The different labels prevent the substitution of one type of PSK for the other."
        Tls13KeySchedule keySchedule = keySchedule(HashAlgorithm.SHA256);
        byte[] earlySecret = keySchedule.earlySecret(new byte[32]);
        Hkdf hkdf = new Hkdf(HashAlgorithm.SHA256, CryptoProvider.jca());
        assertThat(keySchedule.binderKey(earlySecret, false))
            .isEqualTo(hkdf.deriveSecret(earlySecret, "ext binder", keySchedule.emptyHash()))
            .isNotEqualTo(keySchedule.binderKey(earlySecret, true));
    }

    @Test
    void emptyHashIsHashOfNothing() throws Exception {
        Tls13KeySchedule keySchedule = keySchedule(HashAlgorithm.SHA256);
        assertThat(HEX.formatHex(keySchedule.emptyHash()))
            .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        keySchedule.emptyHash()[0] = 0;
        assertThat(keySchedule.emptyHash()[0]).isEqualTo((byte) 0xe3);
        assertThat(keySchedule(HashAlgorithm.SHA384).emptyHash()).hasSize(48);
    }

    @Test
    void trafficKeysFitTheAead() throws Exception {
        Tls13KeySchedule keySchedule = keySchedule(HashAlgorithm.SHA384);
        for (AeadAlgorithm aead : AeadAlgorithm.values()) {
            Tls13KeySchedule.TrafficKeys keys = keySchedule.trafficKeys(new byte[48], aead);
            assertThat(keys.key()).hasSize(aead.keyLength());
            assertThat(keys.iv()).hasSize(12);
            keys.erase();
            assertThat(keys.key()).containsOnly(0);
        }
    }
}
