package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderWriterTest {

    @Test
    void lengthPrefixedVectorsRoundTrip() throws TlsException {
        Writer writer = new Writer(4);
        writer.u8(1);
        try (Writer.Length outer = writer.u16Prefixed()) {
            writer.u24(0x010203);
            try (Writer.Length inner = writer.u8Prefixed()) {
                writer.bytes(new byte[] {9, 8, 7});
            }
        }
        writer.u32(0xFFFFFFFFL);
        byte[] encoded = writer.toByteArray();
        assertThat(encoded).containsExactly(1, 0, 7, 1, 2, 3, 3, 9, 8, 7, -1, -1, -1, -1);

        Reader reader = new Reader("Test", encoded);
        assertThat(reader.u8("a")).isEqualTo(1);
        Reader outer = reader.u16Prefixed("outer");
        assertThat(outer.u24("b")).isEqualTo(0x010203);
        assertThat(outer.opaque8("inner")).containsExactly(9, 8, 7);
        outer.expectEnd();
        assertThat(reader.u32("c")).isEqualTo(0xFFFFFFFFL);
        reader.expectEnd();
    }

    @Test
    void truncatedFieldIsADecodeErrorNamingTheField() {
        Reader reader = new Reader("ClientHello", new byte[] {0, 5, 1});
        assertThatThrownBy(() -> reader.u16Prefixed("cipher_suites"))
            .isInstanceOfSatisfying(TlsException.class,
                e -> assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR))
            .hasMessage("ClientHello.cipher_suites: needs 5 byte(s), only 1 remain");
    }

    @Test
    void trailingBytesAreADecodeError() throws TlsException {
        Reader reader = new Reader("Finished", new byte[] {1, 2});
        reader.u8("x");
        assertThatThrownBy(reader::expectEnd)
            .isInstanceOfSatisfying(TlsException.class,
                e -> assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR))
            .hasMessageContaining("1 unexpected trailing byte");
    }

    @Test
    void aLengthThatDoesNotFitItsFieldIsRefused() {
        Writer writer = new Writer();
        assertThatThrownBy(() -> writer.opaque8(new byte[256])).isInstanceOf(IllegalArgumentException.class);
    }
}
