package dev.handshake.tls.message;

/**
 * One extension as it appears in a hello: its type and its undecoded data. Messages keep
 * extensions raw, so unknown ones round-trip; the typed views ({@link ServerNameList},
 * {@link SupportedGroups}, ...) decode the data when the handshake needs it.
 */
public record Extension(ExtensionType type, byte[] data) {

    /** An extension whose data is empty, such as extended_master_secret. */
    public static Extension empty(ExtensionType type) {
        return new Extension(type, new byte[0]);
    }

    /** A reader over the data, named after the extension for error messages. */
    public Reader reader() {
        return new Reader(type.name(), data);
    }
}
