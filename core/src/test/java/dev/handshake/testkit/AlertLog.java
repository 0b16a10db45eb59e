package dev.handshake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerts an OpenSSL peer sent and received, read from the file its -msg -msgfile option
 * writes. Lines look like {@code <<< TLS 1.3, Alert [length 0002], warning close_notify}.
 *
 * <p>What they show (OpenSSL 3.0): a clean close is a {@code close_notify} in each direction. A
 * peer that closes the TCP connection without close_notify shows no received close_notify, and
 * OpenSSL then logs a <em>sent</em> {@code fatal decode_error}: its "unexpected eof while reading".
 */
public final class AlertLog {

    /** One alert: whether the OpenSSL peer sent or received it, its level and its description. */
    public record Alert(boolean sent, String level, String description) {
        @Override
        public String toString() {
            return (sent ? "sent " : "received ") + level + " " + description;
        }
    }

    private static final Pattern ALERT = Pattern.compile(
        "^(<<<|>>>) .*Alert \\[length [0-9a-f]+\\], (\\w+) (\\w+)$", Pattern.MULTILINE);

    private final List<Alert> alerts;

    private AlertLog(List<Alert> alerts) {
        this.alerts = alerts;
    }

    static AlertLog read(Path messageFile) {
        try {
            String text = Files.readString(messageFile);
            Matcher matcher = ALERT.matcher(text);
            List<Alert> alerts = matcher.results()
                .map(match -> new Alert(match.group(1).equals(">>>"), match.group(2), match.group(3)))
                .toList();
            return new AlertLog(alerts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many alerts with this description (e.g. "close_notify") the OpenSSL peer received. */
    public long received(String description) {
        return alerts.stream().filter(alert -> !alert.sent() && alert.description().equals(description)).count();
    }

    /** How many alerts with this description the OpenSSL peer sent. */
    public long sent(String description) {
        return alerts.stream().filter(alert -> alert.sent() && alert.description().equals(description)).count();
    }

    @Override
    public String toString() {
        return alerts.toString();
    }
}
