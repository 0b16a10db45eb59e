package dev.handshake.tls.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Named byte strings from a test resource next to this class: a line {@code name:} followed by
 * indented lines of hex bytes (spaces allowed); lines starting with {@code #} are comments.
 */
public final class TestVectors {

    private final String resource;
    private final Map<String, byte[]> values;

    private TestVectors(String resource, Map<String, byte[]> values) {
        this.resource = resource;
        this.values = values;
    }

    public static TestVectors load(String resource) {
        String text;
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> values = new HashMap<>();
        String name = null;
        StringBuilder hex = new StringBuilder();
        for (String line : (text + "\nend:").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                if (name != null && values.put(name, HexFormat.of().parseHex(hex)) != null) {
                    throw new IllegalArgumentException(resource + " names " + name + " twice");
                }
                name = line.strip().replaceAll(":$", "");
                hex.setLength(0);
            } else {
                hex.append(line.replace(" ", ""));
            }
        }
        return new TestVectors(resource, values);
    }

    /** A fresh copy of the named value. */
    public byte[] get(String name) {
        byte[] value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(resource + " has no value named " + name);
        }
        return value.clone();
    }
}
