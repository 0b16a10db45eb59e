package dev.handshake.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpHeadTest {

    @Test
    void readsStartLineAndHeadersAndLeavesTheBody() throws IOException {
        ByteArrayInputStream in = stream("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\nX-Empty:\r\n\r\nbody");

        HttpHead head = HttpHead.read(in);

        assertThat(head.startLine()).isEqualTo("GET / HTTP/1.1");
        assertThat(head.header("host")).isEqualTo("x");
        assertThat(head.header("X-Empty")).isEmpty();
        assertThat(head.hasToken("Connection", "close")).isTrue();
        assertThat(head.hasToken("Connection", "upgrade")).isFalse();
        assertThat(head.lines()).containsExactly("GET / HTTP/1.1", "Host: x", "Connection: keep-alive, Close", "X-Empty: ");
        assertThat(in.readAllBytes()).asString(StandardCharsets.ISO_8859_1).isEqualTo("body");
    }

    @Test
    void aStreamThatEndsBeforeAnyByteHasNoHead() throws IOException {
        assertThat(HttpHead.read(stream(""))).isNull();
    }

    @Test
    void refusesWhatIsNotAHead() {
        assertThatThrownBy(() -> HttpHead.read(stream("GET / HTTP/1.1\r\nHost x\r\n\r\n")))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed header field");
        assertThatThrownBy(() -> HttpHead.read(stream("GET / HTTP/1.1\r\n folded: no\r\n\r\n")))
            .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> HttpHead.read(stream("\r\n")))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("empty start line");
        assertThatThrownBy(() -> HttpHead.read(stream("GET / HTTP/1.1\r\nHost: x\r\n")))
            .isInstanceOf(EOFException.class);
    }

    @Test
    void boundsLineLengthAndHeaderCount() {
        assertThatThrownBy(() -> HttpHead.read(stream("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n")))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> HttpHead.read(stream("GET / HTTP/1.1\r\n" + "A: b\r\n".repeat(101) + "\r\n")))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("more than 100 header fields");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
