package dev.handshake.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handshake messages an OpenSSL peer sent and received, read from the file its -msg -msgfile
 * option writes: a line {@code >>> TLS 1.3, Handshake [length 0005], KeyUpdate} followed by the
 * message in hex ({@code     18 00 00 01 01}), header included.
 *
 * <p>What it shows (OpenSSL 3.0): a HelloRetryRequest is logged as a "ServerHello" (its random is
 * the RFC 8446 §4.1.3 constant, see {@link #helloRetryRequests}); a resumed TLS 1.3 handshake has
 * no Certificate from the server; a KeyUpdate's last byte says whether it requests the peer's.
 */
public final class HandshakeLog {

    /** One handshake message: whether the OpenSSL peer sent or received it, its type and its bytes. */
    public record Message(boolean sent, String type, byte[] bytes) {
        @Override
        public String toString() {
            return (sent ? "sent " : "received ") + type;
        }
    }

    /** RFC 8446 §4.1.3: the random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
        "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    /** ServerHello: type (1), length (3), legacy_version (2), then the random. */
    private static final int RANDOM_OFFSET = 6;

    private static final Pattern HANDSHAKE = Pattern.compile(
        "^(<<<|>>>) .*Handshake \\[length [0-9a-f]+\\], (\\w+)$");

    private final List<Message> messages;

    private HandshakeLog(List<Message> messages) {
        this.messages = messages;
    }

    static HandshakeLog read(Path messageFile) {
        try {
            List<Message> messages = new ArrayList<>();
            List<String> lines = Files.readAllLines(messageFile);
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = HANDSHAKE.matcher(lines.get(i));
                if (!matcher.matches()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith(" "); j++) {
                    for (String hex : lines.get(j).trim().split("\\s+")) {
                        if (hex.matches("[0-9a-f]{2}")) {
                            bytes.write(Integer.parseInt(hex, 16));
                        }
                    }
                }
                messages.add(new Message(matcher.group(1).equals(">>>"), matcher.group(2), bytes.toByteArray()));
            }
            return new HandshakeLog(List.copyOf(messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Message> messages() {
        return messages;
    }

    /** How many messages of this type (e.g. "Certificate") the OpenSSL peer sent. */
    public long sent(String type) {
        return messages.stream().filter(m -> m.sent() && m.type().equals(type)).count();
    }

    /** How many messages of this type the OpenSSL peer received. */
    public long received(String type) {
        return messages.stream().filter(m -> !m.sent() && m.type().equals(type)).count();
    }

    /** KeyUpdates the OpenSSL peer sent ({@code sent}) or received, with update_requested set or not. */
    public long keyUpdates(boolean sent, boolean updateRequested) {
        return messages.stream()
            .filter(m -> m.sent() == sent && m.type().equals("KeyUpdate"))
            .filter(m -> m.bytes().length == 5 && (m.bytes()[4] == 1) == updateRequested)
            .count();
    }

    /** HelloRetryRequests (ServerHellos with the special random) the OpenSSL peer sent or received. */
    public long helloRetryRequests(boolean sent) {
        return messages.stream()
            .filter(m -> m.sent() == sent && m.type().equals("ServerHello"))
            .filter(m -> m.bytes().length >= RANDOM_OFFSET + HELLO_RETRY_REQUEST_RANDOM.length
                && java.util.Arrays.equals(m.bytes(), RANDOM_OFFSET, RANDOM_OFFSET + HELLO_RETRY_REQUEST_RANDOM.length,
                    HELLO_RETRY_REQUEST_RANDOM, 0, HELLO_RETRY_REQUEST_RANDOM.length))
            .count();
    }

    @Override
    public String toString() {
        return messages.toString();
    }
}
