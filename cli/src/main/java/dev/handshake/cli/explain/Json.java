package dev.handshake.cli.explain;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A small JSON encoder for the values the trace renderers build: maps (keys in their iteration
 * order), lists, strings, numbers, booleans, {@code null}, and byte arrays as lowercase hex strings.
 * The output is safe inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &}
 * are escaped too.
 */
public final class Json {

    private Json() {
    }

    /** The value as compact JSON; anything not listed above is an {@link IllegalArgumentException}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof byte[] bytes) {
            string(HexFormat.of().formatHex(bytes), out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON object key must be a string, not " + entry.getKey());
                }
                out.append(first ? "" : ",");
                first = false;
                string(key, out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    /** RFC 8259 §7: quote, backslash and control characters escaped; also the characters HTML treats specially. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
