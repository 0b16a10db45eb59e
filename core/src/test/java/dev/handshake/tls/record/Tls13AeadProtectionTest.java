package dev.handshake.tls.record;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.AeadAlgorithm;
import dev.handshake.tls.crypto.CryptoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2–5.4) for every AEAD: round trips, padding, the
 * per-record nonce, and one test per alert {@code open} can raise. Records the sealer cannot
 * make (all-zero or oversize inner plaintexts) are encrypted here with JCA directly.
 */
class Tls13AeadProtectionTest {

    private static final int MAX_PLAINTEXT = 1 << 14;

    private final CryptoProvider crypto = CryptoProvider.jca();

    private static byte[] key(AeadAlgorithm aead) {
        byte[] key = new byte[aead.keyLength()];
        Arrays.fill(key, (byte) 0x4b);
        return key;
    }

    private static byte[] iv() {
        byte[] iv = new byte[12];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) (0xa0 + i);
        }
        return iv;
    }

    private Tls13AeadProtection protection(AeadAlgorithm aead) throws TlsException {
        return new Tls13AeadProtection(aead, key(aead), iv(), crypto);
    }

    /** A record whose TLSInnerPlaintext is {@code inner}, sealed with JCA at sequence number {@code seq}. */
    private static byte[] rawRecord(AeadAlgorithm aead, long seq, byte[] inner) throws Exception {
        int length = inner.length + AeadAlgorithm.TAG_LENGTH;
        byte[] record = new byte[RecordLayer.HEADER_LENGTH + length];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (length >>> 8);
        record[4] = (byte) length;
        byte[] nonce = iv();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
        Cipher cipher = Cipher.getInstance(aead.transformation());
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(aead), aead.keyAlgorithm()),
            aead == AeadAlgorithm.CHACHA20_POLY1305 ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce));
        cipher.updateAAD(record, 0, RecordLayer.HEADER_LENGTH);
        cipher.doFinal(inner, 0, inner.length, record, RecordLayer.HEADER_LENGTH);
        return record;
    }

    /** Opens, with a fresh protection, the record {@link #rawRecord} makes of {@code inner} at sequence 0. */
    private RecordProtection.Plaintext openRaw(AeadAlgorithm aead, byte[] inner) throws Exception {
        return Records.open(protection(aead), rawRecord(aead, 0, inner));
    }

    private static void assertAlert(AlertDescription alert, Executable action) {
        TlsException e = assertThrows(TlsException.class, action);
        assertThat(e.alert()).isEqualTo(alert);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsEveryTypeAndSize(AeadAlgorithm aead) throws Exception {
        Tls13AeadProtection sealer = protection(aead);
        Tls13AeadProtection opener = protection(aead);
        Random random = new Random(aead.ordinal());
        for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA)) {
            for (int size : new int[] {1, 2, 100, 1500, MAX_PLAINTEXT}) {
                byte[] data = new byte[size + 6];
                random.nextBytes(data);
                byte[] record = sealer.seal(type, data, 3, size);
                // §5.2: outer type application_data, legacy_record_version 0x0303, length of the ciphertext.
                int length = size + sealer.overhead();
                assertThat(record).hasSize(RecordLayer.HEADER_LENGTH + length);
                assertThat(Arrays.copyOf(record, 5))
                    .containsExactly(23, 3, 3, (byte) (length >>> 8), (byte) length);
                RecordProtection.Plaintext opened = Records.open(opener, record);
                assertThat(opened.type()).isEqualTo(type);
                assertThat(opened.data()).isEqualTo(Arrays.copyOfRange(data, 3, 3 + size));
            }
        }
        assertThat(sealer.overhead()).isEqualTo(17);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void emptyApplicationDataIsAllowed(AeadAlgorithm aead) throws Exception {
        // §5.4: zero-length application data is cover traffic.
        byte[] record = protection(aead).seal(ContentType.APPLICATION_DATA, new byte[0], 0, 0);
        RecordProtection.Plaintext opened = Records.open(protection(aead), record);
        assertThat(opened.type()).isEqualTo(ContentType.APPLICATION_DATA);
        assertThat(opened.data()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void paddingIsSentAndStripped(AeadAlgorithm aead) throws Exception {
        Tls13AeadProtection padded = new Tls13AeadProtection(aead, key(aead), iv(), 50, crypto);
        assertThat(padded.overhead()).isEqualTo(1 + 50 + 16);
        byte[] data = {1, 2, 3, 0, 0};
        byte[] record = padded.seal(ContentType.HANDSHAKE, data, 0, data.length);
        assertThat(record).hasSize(RecordLayer.HEADER_LENGTH + data.length + 1 + 50 + 16);

        RecordProtection.Plaintext opened = Records.open(protection(aead), record);
        assertThat(opened.type()).isEqualTo(ContentType.HANDSHAKE);
        assertThat(opened.data()).containsExactly(1, 2, 3, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void paddingStopsAtTheInnerPlaintextLimit(AeadAlgorithm aead) throws Exception {
        Tls13AeadProtection padded = new Tls13AeadProtection(aead, key(aead), iv(), 100, crypto);
        byte[] record = padded.seal(ContentType.APPLICATION_DATA, new byte[MAX_PLAINTEXT], 0, MAX_PLAINTEXT);
        assertThat(record).hasSize(RecordLayer.HEADER_LENGTH + MAX_PLAINTEXT + 1 + 16);
        assertThat(Records.open(protection(aead), record).data()).hasSize(MAX_PLAINTEXT);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void noContentTypeIsUnexpectedMessage(AeadAlgorithm aead) throws Exception {
        // §5.4: no non-zero octet in the cleartext.
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[10]));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void emptyHandshakeOrAlertIsUnexpectedMessage(AeadAlgorithm aead) throws Exception {
        // §5.4: Handshake and Alert records MUST NOT have a zero-length content.
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[] {22, 0}));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[] {21}));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void protectedChangeCipherSpecOrUnknownTypeIsUnexpectedMessage(AeadAlgorithm aead) throws Exception {
        // §5: "receives a protected change_cipher_spec record MUST abort ... unexpected_message".
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[] {1, 20}));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> openRaw(aead, new byte[] {1, 99, 0}));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void everyAlteredByteIsBadRecordMac(AeadAlgorithm aead) throws Exception {
        byte[] record = protection(aead).seal(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3, 4}, 0, 4);
        // The version is authenticated as the additional data; the type has its own check below.
        for (int i = 1; i < record.length; i++) {
            if (i == 3 || i == 4) {
                continue; // the length is the record's own size, passed separately by the record layer
            }
            byte[] altered = record.clone();
            altered[i] ^= 0x01;
            assertAlert(AlertDescription.BAD_RECORD_MAC, () -> Records.open(protection(aead), altered));
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void outerTypeOtherThanApplicationDataIsUnexpectedMessage(AeadAlgorithm aead) throws Exception {
        byte[] record = protection(aead).seal(ContentType.HANDSHAKE, new byte[] {1}, 0, 1);
        record[0] = 22;
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> Records.open(protection(aead), record));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void otherKeyReplayAndReorderAreBadRecordMac(AeadAlgorithm aead) throws Exception {
        Tls13AeadProtection sealer = protection(aead);
        byte[] first = sealer.seal(ContentType.APPLICATION_DATA, new byte[] {1}, 0, 1);
        byte[] second = sealer.seal(ContentType.APPLICATION_DATA, new byte[] {2}, 0, 1);

        byte[] otherKey = key(aead);
        otherKey[0] ^= 1;
        assertAlert(AlertDescription.BAD_RECORD_MAC,
            () -> Records.open(new Tls13AeadProtection(aead, otherKey, iv(), crypto), first));
        assertAlert(AlertDescription.BAD_RECORD_MAC, () -> Records.open(protection(aead), second));
        Tls13AeadProtection opener = protection(aead);
        Records.open(opener, first);
        assertAlert(AlertDescription.BAD_RECORD_MAC, () -> Records.open(opener, first));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void recordTooShortForATagIsBadRecordMac(AeadAlgorithm aead) {
        byte[] record = new byte[RecordLayer.HEADER_LENGTH + 15];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        assertAlert(AlertDescription.BAD_RECORD_MAC, () -> Records.open(protection(aead), record));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void ciphertextOver2To14Plus256IsRecordOverflow(AeadAlgorithm aead) {
        byte[] record = new byte[RecordLayer.HEADER_LENGTH + MAX_PLAINTEXT + 257];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        assertAlert(AlertDescription.RECORD_OVERFLOW, () -> Records.open(protection(aead), record));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void innerPlaintextOver2To14Plus1IsRecordOverflow(AeadAlgorithm aead) throws Exception {
        byte[] largest = new byte[MAX_PLAINTEXT + 1];
        largest[MAX_PLAINTEXT] = 23;
        assertThat(openRaw(aead, largest).data()).hasSize(MAX_PLAINTEXT);

        byte[] padded = new byte[MAX_PLAINTEXT + 2];
        padded[0] = 23;
        assertAlert(AlertDescription.RECORD_OVERFLOW, () -> openRaw(aead, padded));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void sequenceNumbersIncrementAndChangeTheNonce(AeadAlgorithm aead) throws Exception {
        Tls13AeadProtection sealer = protection(aead);
        Set<String> ciphertexts = new HashSet<>();
        byte[] data = {7, 7, 7};
        for (long seq = 0; seq < 3; seq++) {
            assertThat(sealer.sequenceNumber()).isEqualTo(seq);
            byte[] record = sealer.seal(ContentType.APPLICATION_DATA, data, 0, data.length);
            // §5.3: nonce = IV XOR the sequence number, as rawRecord computes it independently.
            assertThat(record).isEqualTo(rawRecord(aead, seq, new byte[] {7, 7, 7, 23}));
            ciphertexts.add(Arrays.toString(record));
        }
        assertThat(ciphertexts).hasSize(3);
        assertThat(sealer.sequenceNumber()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void sequenceNumberDoesNotWrap(AeadAlgorithm aead) throws Exception {
        // §5.3: the connection rekeys or ends rather than wrap; -2L is 2^64 - 2 unsigned.
        Tls13AeadProtection sealer = new Tls13AeadProtection(aead, key(aead), iv(), 0, crypto, -2L);
        byte[] last = sealer.seal(ContentType.APPLICATION_DATA, new byte[] {1}, 0, 1);
        assertThat(last).isEqualTo(rawRecord(aead, -2L, new byte[] {1, 23}));
        assertAlert(AlertDescription.INTERNAL_ERROR,
            () -> sealer.seal(ContentType.APPLICATION_DATA, new byte[] {1}, 0, 1));

        Tls13AeadProtection opener = new Tls13AeadProtection(aead, key(aead), iv(), 0, crypto, -2L);
        Records.open(opener, last);
        assertAlert(AlertDescription.INTERNAL_ERROR, () -> Records.open(opener, last));
    }

    @Test
    void sealRefusesMoreThanOneRecordOfData() {
        assertAlert(AlertDescription.INTERNAL_ERROR, () -> protection(AeadAlgorithm.AES_128_GCM)
            .seal(ContentType.APPLICATION_DATA, new byte[MAX_PLAINTEXT + 1], 0, MAX_PLAINTEXT + 1));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void onlyTlsExceptionEscapesOpen(AeadAlgorithm aead) {
        Random random = new Random(42 + aead.ordinal());
        for (int i = 0; i < 500; i++) {
            byte[] record = new byte[RecordLayer.HEADER_LENGTH + random.nextInt(300)];
            random.nextBytes(record);
            record[0] = (byte) (random.nextBoolean() ? 23 : record[0]);
            assertThatNoException().isThrownBy(() -> {
                try {
                    Records.open(protection(aead), record);
                } catch (TlsException expected) {
                    // The only failure open may report.
                }
            });
        }
    }
}
