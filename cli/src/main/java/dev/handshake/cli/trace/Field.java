package dev.handshake.cli.trace;

/** One named value of a decoded message; a value of several lines lists several items. */
public record Field(String name, String value) {
}
