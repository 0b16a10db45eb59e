package dev.handshake.cli.trace;

import java.util.HexFormat;

/** Bytes as hex, whole or as a head with the length. */
public final class Hex {

    /** Bytes shown before a long value is cut. */
    private static final int HEAD = 16;

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** All of a short value, or the first bytes of a long one: {@code 04a1b2… (65 bytes)}. */
    public static String head(byte[] bytes) {
        if (bytes.length <= 2 * HEAD) {
            return of(bytes) + " (" + bytes.length + " bytes)";
        }
        return HexFormat.of().formatHex(bytes, 0, HEAD) + "\u2026 (" + bytes.length + " bytes)";
    }
}
