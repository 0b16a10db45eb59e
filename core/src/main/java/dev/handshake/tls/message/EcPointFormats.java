package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

/**
 * The ec_point_formats extension (RFC 8422 §5.1.2). Handshake only speaks the uncompressed
 * format, which every peer must accept.
 */
public final class EcPointFormats {

    public static final int UNCOMPRESSED = 0;

    private EcPointFormats() {
    }

    /** The extension listing only the uncompressed format. */
    public static Extension uncompressedOnly() {
        return new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, UNCOMPRESSED});
    }

    /** RFC 8422 §5.1.2: a list that does not contain uncompressed is an illegal_parameter. */
    public static void requireUncompressed(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u8Prefixed("ec_point_format_list");
        reader.expectEnd();
        if (!list.hasRemaining()) {
            throw list.error("the list of point formats is empty");
        }
        while (list.hasRemaining()) {
            if (list.u8("ec_point_format") == UNCOMPRESSED) {
                return;
            }
        }
        throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
            "ec_point_formats does not include the uncompressed format (RFC 8422 §5.1.2)");
    }
}
