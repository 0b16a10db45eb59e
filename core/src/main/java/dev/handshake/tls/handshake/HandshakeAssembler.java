package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;

import java.util.Arrays;

/**
 * Reassembles handshake messages from handshake records: one record may carry several messages
 * and one message may span several records (RFC 5246 §6.2.1, RFC 8446 §5.1). A message's
 * declared length is checked against the configured maximum as soon as its header arrives,
 * before any buffer is made for it.
 */
public final class HandshakeAssembler {

    private final int maxMessageSize;
    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int length;

    public HandshakeAssembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public void add(byte[] fragment, int offset, int count) throws TlsException {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + count, Math.min(buffer.length * 2, 1 << 20)));
        }
        System.arraycopy(fragment, offset, buffer, length, count);
        length += count;
        checkDeclaredLength();
    }

    /** The next whole message, or {@code null} when more records are needed. */
    public Handshake next() throws TlsException {
        if (length < Handshake.HEADER_LENGTH) {
            return null;
        }
        int bodyLength = declaredLength();
        int total = Handshake.HEADER_LENGTH + bodyLength;
        if (length < total) {
            return null;
        }
        byte[] raw = Arrays.copyOf(buffer, total);
        byte[] body = Arrays.copyOfRange(buffer, Handshake.HEADER_LENGTH, total);
        System.arraycopy(buffer, total, buffer, 0, length - total);
        length -= total;
        if (length == 0) {
            // Handshake messages are rare after the handshake: an idle connection keeps no buffer.
            buffer = EMPTY;
        }
        checkDeclaredLength();
        return new Handshake(new HandshakeType(raw[0] & 0xFF), body, raw);
    }

    /** Whether part of a message is buffered: no other record type may come in between. */
    public boolean hasPartialMessage() {
        return length > 0;
    }

    private int declaredLength() {
        return ((buffer[1] & 0xFF) << 16) | ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
    }

    private void checkDeclaredLength() throws TlsException {
        if (length >= Handshake.HEADER_LENGTH && declaredLength() > maxMessageSize) {
            throw new TlsException(AlertDescription.DECODE_ERROR, new HandshakeType(buffer[0] & 0xFF).name()
                + " declares " + declaredLength() + " bytes, more than the " + maxMessageSize
                + "-byte limit (TlsConfig.maxHandshakeMessageSize)");
        }
    }
}
