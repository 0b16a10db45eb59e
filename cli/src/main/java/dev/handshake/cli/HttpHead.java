package dev.handshake.cli;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of an HTTP/1.1 message (RFC 9112 §2.1): the start line and the header fields, read
 * with bounds so a peer cannot make us buffer without end.
 */
record HttpHead(String startLine, List<Header> headers) {

    /** One header field as it arrived. */
    record Header(String name, String value) {
    }

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    HttpHead {
        headers = List.copyOf(headers);
    }

    /**
     * Reads one head. Returns {@code null} when the stream ends before its first byte; throws a
     * {@link ProtocolException} when the bytes are not an HTTP head.
     */
    static HttpHead read(InputStream in) throws IOException {
        String startLine = readLine(in, true);
        if (startLine == null) {
            return null;
        }
        if (startLine.isEmpty()) {
            throw new ProtocolException("an empty start line");
        }
        List<Header> headers = new ArrayList<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            if (headers.size() == MAX_HEADERS) {
                throw new ProtocolException("more than " + MAX_HEADERS + " header fields");
            }
            int colon = line.indexOf(':');
            // RFC 9112 §5.1: no whitespace in or after the field name; §5.2: no line folding.
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c <= ' ')) {
                throw new ProtocolException("a malformed header field: " + line);
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new HttpHead(startLine, headers);
    }

    /** The value of the first header field with this name, or {@code null}. */
    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    /** Whether a comma-separated header, such as Connection, lists this token. */
    boolean hasToken(String name, String token) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name))
            .flatMap(h -> List.of(h.value().split(",")).stream())
            .anyMatch(t -> t.strip().equalsIgnoreCase(token));
    }

    /** The head as it reads on the wire, one line per element, without line ends. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(startLine);
        headers.forEach(h -> lines.add(h.name() + ": " + h.value()));
        return lines;
    }

    /** A line ending in LF (CR LF or a bare LF, RFC 9112 §2.2), without it; null at a clean end of stream. */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection ended in the middle of an HTTP head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw new ProtocolException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
