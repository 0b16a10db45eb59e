package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DerReaderTest {

    private static DerReader.Element element(int... bytes) throws IOException {
        byte[] input = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            input[i] = (byte) bytes[i];
        }
        return new DerReader(input).next();
    }

    @Test
    void readsBooleansStrictly() throws IOException {
        assertThat(element(0x01, 0x01, 0xFF).bool()).isTrue();
        assertThat(element(0x01, 0x01, 0x00).bool()).isFalse();
        assertThatThrownBy(() -> element(0x01, 0x01, 0x01).bool()).isInstanceOf(IOException.class);
    }

    @Test
    void readsBitStringsAndRefusesNonZeroUnusedBits() throws IOException {
        assertThat(element(0x03, 0x02, 0x05, 0xA0).bitMask()).isEqualTo(0b101);
        assertThat(element(0x03, 0x03, 0x07, 0x00, 0x80).bitMask()).isEqualTo(1 << 8);
        assertThatThrownBy(() -> element(0x03, 0x02, 0x05, 0xA1).bitMask()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> element(0x03, 0x01, 0x01).bitStringBytes()).isInstanceOf(IOException.class);
    }

    @Test
    void readsSmallIntegersMinimallyEncoded() throws IOException {
        assertThat(element(0x02, 0x01, 0x05).smallInteger()).isEqualTo(5);
        assertThat(element(0x02, 0x02, 0x00, 0x80).smallInteger()).isEqualTo(128);
        assertThatThrownBy(() -> element(0x02, 0x02, 0x00, 0x05).smallInteger()).hasMessageContaining("non-minimal");
        assertThatThrownBy(() -> element(0x02, 0x01, 0xFF).smallInteger()).hasMessageContaining("negative");
    }

    @Test
    void refusesIndefiniteAndNonMinimalLengthsAndTrailingBytes() throws IOException {
        assertThatThrownBy(() -> element(0x30, 0x80, 0x00, 0x00)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> element(0x04, 0x81, 0x05, 1, 2, 3, 4, 5)).hasMessageContaining("non-minimal");
        DerReader reader = new DerReader(new byte[] {0x05, 0x00, 0x05, 0x00});
        reader.next();
        assertThat(reader.peekTag()).isEqualTo(0x05);
        assertThatThrownBy(() -> reader.expectEnd("test")).hasMessageContaining("2 unexpected bytes");
    }
}
