package dev.handshake.tls.record;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The record layer (RFC 5246 §6.2, RFC 8446 §5): frames outgoing data into records of at most
 * 2^14 bytes and protects them; reads incoming records, checks their header and length before
 * buffering them, and removes their protection.
 */
public final class RecordLayer {

    public static final int HEADER_LENGTH = 5;
    /** RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14. */
    public static final int MAX_PLAINTEXT = 1 << 14;
    /** The largest protected record accepted: 2^14 plus room for any AEAD's nonce, tag and padding. */
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 256;

    /** A record that arrives in pieces is gathered here, in a buffer borrowed only then. */
    private byte[] input;
    /** The last record read, reused from record to record. */
    private final RecordProtection.Opened opened = new RecordProtection.Opened();
    private int buffered;
    private final OutputQueue output = new OutputQueue();

    private RecordProtection readProtection;
    private RecordProtection writeProtection;
    private int writeVersion = ProtocolVersion.TLS10.code();
    private int expectedReadVersion = -1;
    private boolean firstRecord = true;
    private TlsObserver observer;
    private boolean lastRecordProtected;

    /** Reports each record read or written to {@code observer} (may be null: nothing is reported). */
    public void setObserver(TlsObserver observer) {
        this.observer = observer;
    }

    /**
     * Takes bytes from {@code source} until one whole record is buffered, and returns that record
     * opened: a protected record is opened into the free room of {@code received}, where it counts
     * as received application data only once added to it. The content stays valid until the next
     * call. Returns {@code null} when the source ran out first; the partial record stays buffered.
     */
    public RecordProtection.Opened read(ByteBuffer source, ReceivedData received) throws TlsException {
        if (buffered == 0 && source.hasArray() && source.remaining() >= HEADER_LENGTH) {
            // A whole record in the caller's buffer is opened where it lies, without copying.
            byte[] array = source.array();
            int at = source.arrayOffset() + source.position();
            int length = checkHeader(array, at);
            if (source.remaining() >= HEADER_LENGTH + length) {
                source.position(source.position() + HEADER_LENGTH + length);
                return open(array, at, length, received);
            }
        }
        if (input == null) {
            input = BufferPool.take(BufferPool.SIZE);
        }
        if (!fill(source, HEADER_LENGTH)) {
            return null;
        }
        int length = checkHeader(input, 0);
        if (!fill(source, HEADER_LENGTH + length)) {
            return null;
        }
        buffered = 0;
        return open(input, 0, length, received);
    }

    /** Gives back the buffer of a record that came in pieces, once it has been read: idle connections keep none. */
    public void releaseInput() {
        if (input != null && buffered == 0) {
            BufferPool.give(input);
            input = null;
        }
    }

    /** Checks the header of the record at {@code array[at]} and returns the length of its payload. */
    private int checkHeader(byte[] array, int at) throws TlsException {
        ContentType type = ContentType.of(array[at] & 0xFF);
        int version = ((array[at + 1] & 0xFF) << 8) | (array[at + 2] & 0xFF);
        int length = ((array[at + 3] & 0xFF) << 8) | (array[at + 4] & 0xFF);
        checkHeader(type, version, length, array, at);
        return length;
    }

    private RecordProtection.Opened open(byte[] array, int at, int length, ReceivedData received)
            throws TlsException {
        ContentType type = ContentType.of(array[at] & 0xFF);
        int version = ((array[at + 1] & 0xFF) << 8) | (array[at + 2] & 0xFF);
        firstRecord = false;
        // RFC 8446 §5: in TLS 1.3 a ChangeCipherSpec is never protected, even after keys are in use.
        lastRecordProtected = readProtection != null && !type.equals(ContentType.CHANGE_CIPHER_SPEC);
        if (observer != null) {
            observer.onEvent(new TlsEvent.Record(TlsEvent.Direction.RECEIVED, type.code(), version, length,
                lastRecordProtected));
        }
        if (!lastRecordProtected) {
            opened.set(type, array, at + HEADER_LENGTH, length);
            return opened;
        }
        byte[] out = received.room(length);
        int outOffset = received.roomOffset();
        readProtection.openInto(type, version, array, at + HEADER_LENGTH, length, out, outOffset, opened);
        if (opened.length > MAX_PLAINTEXT) {
            throw new TlsException(AlertDescription.RECORD_OVERFLOW,
                "a record decrypted to " + opened.length + " bytes, more than the 2^14 allowed");
        }
        return opened;
    }

    /** Whether the last record read was protected. */
    public boolean lastRecordProtected() {
        return lastRecordProtected;
    }

    /** Whether part of a record is waiting for more bytes. */
    public boolean hasPartialRecord() {
        return buffered > 0;
    }

    private boolean fill(ByteBuffer source, int needed) {
        int n = Math.min(needed - buffered, source.remaining());
        if (n > 0) {
            source.get(input, buffered, n);
            buffered += n;
        }
        return buffered >= needed;
    }

    private void checkHeader(ContentType type, int version, int length, byte[] array, int at) throws TlsException {
        if (!type.isKnown()) {
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE, firstRecord
                ? "the peer does not speak TLS: its first bytes are " + describeFirstBytes(array, at)
                : "a record of unknown content type " + type.code());
        }
        if ((version >>> 8) != 3 || (expectedReadVersion >= 0 && version != expectedReadVersion)) {
            throw new TlsException(AlertDescription.PROTOCOL_VERSION, String.format(
                "a %s record carries version 0x%04x%s", type.name(), version,
                expectedReadVersion >= 0 ? String.format(", not the negotiated 0x%04x", expectedReadVersion) : ""));
        }
        int limit = readProtection == null ? MAX_PLAINTEXT : MAX_CIPHERTEXT;
        if (length > limit) {
            throw new TlsException(AlertDescription.RECORD_OVERFLOW,
                "a " + type.name() + " record of " + length + " bytes exceeds the " + limit + "-byte limit");
        }
    }

    private static String describeFirstBytes(byte[] array, int at) {
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < HEADER_LENGTH; i++) {
            int b = array[at + i] & 0xFF;
            printable &= b >= 0x20 && b < 0x7F;
        }
        if (printable) {
            String start = new String(array, at, HEADER_LENGTH, StandardCharsets.US_ASCII);
            return "'" + start + "' (plain text — is it speaking HTTP or another protocol without TLS?)";
        }
        for (int i = 0; i < HEADER_LENGTH; i++) {
            text.append(String.format("%02x", array[at + i] & 0xFF));
        }
        return text + ((array[at] & 0x80) != 0 ? " (an SSL 2.0-style hello, which is not supported)" : "");
    }

    /** Frames {@code data} into records of at most 2^14 bytes, protects them, and queues them. */
    public void write(ContentType type, byte[] data, int offset, int length) throws TlsException {
        do {
            int n = Math.min(length, MAX_PLAINTEXT);
            int written;
            if (writeProtection == null) {
                byte[] out = output.reserve(HEADER_LENGTH + n);
                int at = output.tail();
                out[at] = (byte) type.code();
                out[at + 1] = (byte) (writeVersion >>> 8);
                out[at + 2] = (byte) writeVersion;
                out[at + 3] = (byte) (n >>> 8);
                out[at + 4] = (byte) n;
                System.arraycopy(data, offset, out, at + HEADER_LENGTH, n);
                written = HEADER_LENGTH + n;
            } else {
                byte[] out = output.reserve(HEADER_LENGTH + n + writeProtection.overhead());
                written = writeProtection.sealInto(type, data, offset, n, out, output.tail());
            }
            if (observer != null) {
                report(output.array(), output.tail(), written);
            }
            output.commit(written);
            offset += n;
            length -= n;
        } while (length > 0);
    }

    /**
     * Protects application data in records written straight to {@code destination}, which must be
     * backed by an array, while nothing is queued: as many records as fit, the last one shortened to
     * fit. Returns the number of bytes of {@code data} protected (0 when not even one byte fits).
     */
    public int writeDirect(byte[] data, int offset, int length, ByteBuffer destination) throws TlsException {
        if (writeProtection == null || output.size() > 0) {
            throw new IllegalStateException("records go straight out only when protected and nothing is queued");
        }
        int consumed = 0;
        while (consumed < length) {
            int room = destination.remaining() - HEADER_LENGTH - writeProtection.overhead();
            if (room <= 0) {
                break;
            }
            int n = Math.min(Math.min(length - consumed, MAX_PLAINTEXT), room);
            byte[] out = destination.array();
            int at = destination.arrayOffset() + destination.position();
            int written = writeProtection.sealInto(ContentType.APPLICATION_DATA, data, offset + consumed, n, out, at);
            if (observer != null) {
                report(out, at, written);
            }
            destination.position(destination.position() + written);
            consumed += n;
        }
        return consumed;
    }

    private void report(byte[] record, int at, int written) {
        observer.onEvent(new TlsEvent.Record(TlsEvent.Direction.SENT, record[at] & 0xFF,
            ((record[at + 1] & 0xFF) << 8) | (record[at + 2] & 0xFF), written - HEADER_LENGTH, writeProtection != null));
    }

    public void setReadProtection(RecordProtection protection) {
        this.readProtection = protection;
    }

    public void setWriteProtection(RecordProtection protection) {
        this.writeProtection = protection;
    }

    public boolean readProtected() {
        return readProtection != null;
    }

    public boolean writeProtected() {
        return writeProtection != null;
    }

    /** Fixes the version of every record from now on, in both directions (RFC 5246 §6.2.1). */
    public void setVersion(ProtocolVersion version) {
        this.writeVersion = version.code();
        this.expectedReadVersion = version.code();
    }

    /** The version written in plaintext record headers. */
    public void setWriteVersion(ProtocolVersion version) {
        this.writeVersion = version.code();
    }

    public int pendingOutput() {
        return output.size();
    }

    /** Moves queued records into {@code destination}; returns the number of bytes moved. */
    public int drain(ByteBuffer destination) {
        return output.drain(destination);
    }
}
