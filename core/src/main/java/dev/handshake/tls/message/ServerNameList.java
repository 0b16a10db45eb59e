package dev.handshake.tls.message;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;

import java.nio.charset.StandardCharsets;

/**
 * The server_name extension (RFC 6066 §3). Handshake sends and reads one host_name. A server
 * acknowledges it with an empty extension.
 */
public record ServerNameList(String hostName) {

    /** RFC 6066 §3: the only name type defined. */
    private static final int HOST_NAME = 0;

    public static ServerNameList decode(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader list = reader.u16Prefixed("server_name_list");
        reader.expectEnd();
        if (!list.hasRemaining()) {
            throw list.error("the list of server names is empty");
        }
        String hostName = null;
        while (list.hasRemaining()) {
            int nameType = list.u8("name_type");
            byte[] name = list.opaque16("host_name");
            if (nameType != HOST_NAME) {
                continue;
            }
            // RFC 6066 §3: no more than one name of the same name_type.
            if (hostName != null) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "server_name carries more than one host_name");
            }
            hostName = asciiHostName(name);
        }
        if (hostName == null) {
            throw list.error("no host_name in the list");
        }
        return new ServerNameList(hostName);
    }

    public Extension toExtension() {
        Writer writer = new Writer();
        try (Writer.Length list = writer.u16Prefixed()) {
            writer.u8(HOST_NAME);
            writer.opaque16(hostName.getBytes(StandardCharsets.US_ASCII));
        }
        return new Extension(ExtensionType.SERVER_NAME, writer.toByteArray());
    }

    /** RFC 6066 §3: a DNS host name in ASCII (A-labels), without a trailing dot. */
    private static String asciiHostName(byte[] name) throws TlsException {
        if (name.length == 0 || name.length > 255) {
            throw new TlsException(AlertDescription.DECODE_ERROR,
                "server_name host_name has an invalid length of " + name.length);
        }
        for (byte b : name) {
            boolean allowed = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_';
            if (!allowed) {
                throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                    "server_name host_name contains the byte 0x" + Integer.toHexString(b & 0xFF)
                        + ", which is not allowed in an ASCII host name");
            }
        }
        if (name[name.length - 1] == '.') {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER,
                "server_name host_name must not end with a dot (RFC 6066 §3)");
        }
        return new String(name, StandardCharsets.US_ASCII);
    }
}
