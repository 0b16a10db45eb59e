package dev.handshake.tls;

import dev.handshake.tls.client.ClientHelloFlow;
import dev.handshake.tls.handshake.Connected13;
import dev.handshake.tls.handshake.HandshakeAssembler;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.HandshakeState;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeMessage;
import dev.handshake.tls.record.ContentType;
import dev.handshake.tls.record.ReceivedData;
import dev.handshake.tls.record.RecordLayer;
import dev.handshake.tls.record.RecordProtection;
import dev.handshake.tls.server.ServerHelloFlow;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One TLS connection, client or server, without any I/O of its own (sans-IO).
 *
 * <pre>{@code
 * TlsConnection tls = TlsConnection.client(config, "example.com");
 * // network → engine:   tls.readTls(bytesFromSocket)
 * // engine → network:   while (tls.wantsWrite()) tls.writeTls(bufferForSocket)
 * // application:        tls.write(plaintext), tls.read(plaintext), tls.close()
 * }</pre>
 *
 * {@link #wrap} and {@link #unwrap} do the same with one copy fewer each way, in the manner of
 * {@code SSLEngine}: records are sealed straight into the network buffer and opened straight into
 * the application's.
 *
 * Every protocol failure is a {@link TlsException}. When the engine detects one it also queues
 * the fatal alert, so the caller should still drain {@link #writeTls} before closing the socket.
 * After a failure every further call throws the same exception.
 */
public final class TlsConnection {

    /** Warning alerts accepted in a row before the peer is considered to be flooding us. */
    private static final int MAX_CONSECUTIVE_WARNINGS = 16;
    /** Empty application-data records accepted in a row, likewise. */
    private static final int MAX_CONSECUTIVE_EMPTY_RECORDS = 32;
    private static final byte[] NO_BYTES = new byte[0];

    private final boolean client;
    private final TlsConfig config;
    private final String peerName;
    private final RecordLayer records = new RecordLayer();
    private final HandshakeAssembler handshakeIn;
    private final ReceivedData applicationIn = new ReceivedData();
    private final Context context = new Context();
    private final TlsObserver observer;
    /** Handshake messages of the flight being built, {@code pendingHandshake[0, pendingLength)}. */
    private byte[] pendingHandshake = NO_BYTES;
    private int pendingLength;

    private HandshakeState state;
    private Session session;
    private boolean applicationWritable;
    private boolean closeNotifySent;
    private boolean closeNotifyReceived;
    private TlsException failure;
    private int consecutiveWarnings;
    private int consecutiveEmptyRecords;
    private ProtocolVersion version;
    private boolean readKeysChanged;

    private TlsConnection(boolean client, TlsConfig config, String peerName) {
        this.client = client;
        this.config = Objects.requireNonNull(config, "config");
        this.peerName = peerName;
        this.handshakeIn = new HandshakeAssembler(config.maxHandshakeMessageSize());
        this.observer = config.newObserver();
        records.setObserver(observer);
    }

    /**
     * A client connection. The ClientHello is ready to send at once.
     *
     * @param serverName the server's DNS name (sent as SNI and checked against its certificate) or
     *                   IP address literal (checked, not sent); may be {@code null} only when the
     *                   verifier does not need it
     */
    public static TlsConnection client(TlsConfig config, String serverName) throws TlsException {
        TlsConnection connection = new TlsConnection(true, config, serverName);
        try {
            connection.moveTo(ClientHelloFlow.start(connection.context));
            connection.flushHandshake();
        } catch (TlsException | RuntimeException e) {
            throw connection.failed(e);
        }
        return connection;
    }

    /** A server connection; it waits for the ClientHello. */
    public static TlsConnection server(TlsConfig config) {
        if (config.credentials().isEmpty()) {
            throw new IllegalArgumentException("the server has no certificate: add one with TlsConfig.builder().credential(...)");
        }
        TlsConnection connection = new TlsConnection(false, config, null);
        connection.moveTo(ServerHelloFlow.start(connection.context));
        return connection;
    }

    public boolean isClient() {
        return client;
    }

    /**
     * Consumes TLS bytes from the peer: all of {@code source} is taken, whole records are processed
     * at once and a partial record is kept for the next call.
     */
    public void readTls(ByteBuffer source) throws TlsException {
        checkNotFailed();
        try {
            while (source.hasRemaining() && !closeNotifyReceived) {
                RecordProtection.Opened record = records.read(source, applicationIn);
                if (record == null) {
                    break;
                }
                process(record);
            }
            records.releaseInput();
            applicationIn.releaseIfEmpty();
            flushHandshake();
        } catch (TlsException | RuntimeException e) {
            throw failed(e);
        }
    }

    /** Moves pending TLS bytes into {@code destination}; returns how many. */
    public int writeTls(ByteBuffer destination) {
        return records.drain(destination);
    }

    /** Whether TLS bytes are waiting to be sent. */
    public boolean wantsWrite() {
        return records.pendingOutput() > 0;
    }

    /** Whether the handshake has not yet completed (and not failed). */
    public boolean isHandshaking() {
        return session == null && failure == null;
    }

    /** Whether the application may write now: after the handshake, or earlier with False Start. */
    public boolean canWrite() {
        return applicationWritable && !closeNotifySent && failure == null;
    }

    /** What the handshake negotiated, or {@code null} until it completes. */
    public Session session() {
        return session;
    }

    /** Encrypts all of {@code plaintext} into records; send them with {@link #writeTls}. */
    public void write(ByteBuffer plaintext) throws TlsException {
        checkWritable();
        try {
            flushHandshake();
            int length = plaintext.remaining();
            if (length == 0) {
                return;
            }
            if (observer != null) {
                observer.onEvent(new TlsEvent.ApplicationData(TlsEvent.Direction.SENT, length));
            }
            if (plaintext.hasArray()) {
                records.write(ContentType.APPLICATION_DATA, plaintext.array(),
                    plaintext.arrayOffset() + plaintext.position(), length);
                plaintext.position(plaintext.limit());
            } else {
                byte[] data = new byte[length];
                plaintext.get(data);
                records.write(ContentType.APPLICATION_DATA, data, 0, length);
            }
        } catch (TlsException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Writes TLS bytes for the network into {@code destination}: first those already waiting (as
     * {@link #writeTls} would), then {@code plaintext} sealed straight into it, in as many records
     * as fit. Returns the number of plaintext bytes taken, which may be fewer than offered: send
     * {@code destination} and call again with the rest. A destination not backed by an array gets
     * the same bytes through the queue (all of {@code plaintext} is taken).
     */
    public int wrap(ByteBuffer plaintext, ByteBuffer destination) throws TlsException {
        checkWritable();
        int length = plaintext.remaining();
        if (!destination.hasArray() || destination.isReadOnly()) {
            write(plaintext);
            records.drain(destination);
            return length;
        }
        try {
            flushHandshake();
            records.drain(destination);
            if (length == 0 || records.pendingOutput() > 0) {
                return 0;
            }
            int consumed;
            if (plaintext.hasArray()) {
                consumed = records.writeDirect(plaintext.array(), plaintext.arrayOffset() + plaintext.position(),
                    length, destination);
            } else {
                byte[] data = new byte[length];
                plaintext.duplicate().get(data);
                consumed = records.writeDirect(data, 0, length, destination);
            }
            plaintext.position(plaintext.position() + consumed);
            if (observer != null && consumed > 0) {
                observer.onEvent(new TlsEvent.ApplicationData(TlsEvent.Direction.SENT, consumed));
            }
            return consumed;
        } catch (TlsException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Consumes TLS bytes from the peer, as {@link #readTls} does, and moves the application data
     * they carry into {@code destination}: data already waiting first, then records opened straight
     * into it while they fit; what does not fit waits for the next call or {@link #read}. Bytes of
     * {@code destination} past its new position may have been overwritten. Returns the number of
     * bytes moved, or -1 once the peer has closed (close_notify) and all was read.
     *
     * <p>A record is opened straight into {@code destination} only when its whole decrypted content
     * fits there; in TLS 1.3 that includes a content-type byte (RFC 8446 §5.2), so a full record needs
     * 2^14 + 1 bytes of room. With less, it is opened into the connection's own buffer and copied.
     */
    public int unwrap(ByteBuffer source, ByteBuffer destination) throws TlsException {
        int start = destination.position();
        applicationIn.read(destination);
        applicationIn.deliverTo(destination);
        try {
            readTls(source);
        } finally {
            applicationIn.deliverTo(null);
        }
        applicationIn.read(destination);
        int moved = destination.position() - start;
        return moved == 0 && closeNotifyReceived && applicationIn.isEmpty() ? -1 : moved;
    }

    /**
     * Moves received application data into {@code destination}. Returns the number of bytes moved,
     * 0 when none is waiting, or -1 once the peer has closed (close_notify) and all was read.
     */
    public int read(ByteBuffer destination) throws TlsException {
        int moved = applicationIn.read(destination);
        if (moved > 0) {
            return moved;
        }
        checkNotFailed();
        return closeNotifyReceived && applicationIn.isEmpty() ? -1 : 0;
    }

    /** Whether application data is waiting to be read. */
    public boolean hasApplicationData() {
        return !applicationIn.isEmpty();
    }

    /** Whether the peer sent close_notify. */
    public boolean isPeerClosed() {
        return closeNotifyReceived;
    }

    /** Queues close_notify (RFC 5246 §7.2.1); nothing can be written after it. */
    public void close() {
        if (closeNotifySent || failure != null) {
            return;
        }
        try {
            flushHandshake();
            sendAlert(1, AlertDescription.CLOSE_NOTIFY);
        } catch (TlsException | RuntimeException e) {
            // Recorded as the failure; there is nothing more to close.
            failed(e);
        }
        closeNotifySent = true;
    }

    private void process(RecordProtection.Opened record) throws TlsException {
        ContentType type = record.type();
        byte[] data = record.data();
        int offset = record.offset();
        int length = record.length();
        if (handshakeIn.hasPartialMessage() && !type.equals(ContentType.HANDSHAKE)) {
            // RFC 8446 §5.1: a handshake message split over records may not be interleaved.
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a " + type.name() + " record arrived in the middle of a fragmented handshake message");
        }
        if (length == 0) {
            // RFC 5246 §6.2.1: only application data may come in empty records.
            if (!type.equals(ContentType.APPLICATION_DATA)) {
                throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE, "an empty " + type.name() + " record");
            }
            if (++consecutiveEmptyRecords > MAX_CONSECUTIVE_EMPTY_RECORDS) {
                throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                    "more than " + MAX_CONSECUTIVE_EMPTY_RECORDS + " empty records in a row");
            }
            return;
        }
        consecutiveEmptyRecords = 0;
        switch (type.code()) {
            case 22 -> {
                consecutiveWarnings = 0;
                handshakeIn.add(data, offset, length);
                Handshake message;
                while ((message = handshakeIn.next()) != null) {
                    if (observer != null) {
                        observer.onEvent(new TlsEvent.HandshakeMessage(TlsEvent.Direction.RECEIVED, message,
                            records.lastRecordProtected()));
                    }
                    moveTo(state.handle(message));
                    if (readKeysChanged && handshakeIn.hasPartialMessage()) {
                        // RFC 8446 §5.1: a key change must fall on a record boundary.
                        throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE, "a handshake record continues past "
                            + "a key change: the messages after " + message.type().name() + " were protected with old keys");
                    }
                    readKeysChanged = false;
                }
            }
            case 20 -> {
                consecutiveWarnings = 0;
                boolean byteOne = length == 1 && data[offset] == 1;
                if (ProtocolVersion.TLS13.equals(version)) {
                    dropCompatibilityChangeCipherSpec(byteOne);
                    return;
                }
                if (!byteOne) {
                    throw new TlsException(AlertDescription.DECODE_ERROR,
                        "a ChangeCipherSpec record must hold the single byte 1");
                }
                if (observer != null) {
                    observer.onEvent(new TlsEvent.ChangeCipherSpec(TlsEvent.Direction.RECEIVED));
                }
                moveTo(state.handleChangeCipherSpec());
            }
            case 21 -> receiveAlert(data, offset, length);
            case 23 -> {
                consecutiveWarnings = 0;
                if (!state.acceptsApplicationData()) {
                    throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                        "application data arrived while " + state.waitingFor());
                }
                if (observer != null) {
                    observer.onEvent(new TlsEvent.ApplicationData(TlsEvent.Direction.RECEIVED, length));
                }
                applicationIn.add(data, offset, length);
            }
            default -> throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "a record of content type " + type.code());
        }
    }

    /**
     * RFC 8446 §5 and Appendix D.4: in TLS 1.3 an unprotected ChangeCipherSpec holding the byte 1,
     * before the handshake completes, is there only to soothe middleboxes and is dropped, however
     * often it comes. Any other ChangeCipherSpec is unexpected_message.
     */
    private void dropCompatibilityChangeCipherSpec(boolean byteOne) throws TlsException {
        if (records.lastRecordProtected() || session != null || !byteOne) {
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE, "a ChangeCipherSpec "
                + (records.lastRecordProtected() ? "inside a protected record" : session != null
                ? "after the TLS 1.3 handshake" : "that is not the single byte 1") + " (RFC 8446 §5)");
        }
        if (observer != null) {
            observer.onEvent(new TlsEvent.ChangeCipherSpec(TlsEvent.Direction.RECEIVED));
        }
    }

    /**
     * Sends KeyUpdate and switches to new write keys; with {@code requestPeerUpdate} the peer does the
     * same for its direction (RFC 8446 §4.6.3). TLS 1.3 only, after the handshake.
     */
    public void updateKeys(boolean requestPeerUpdate) throws TlsException {
        checkNotFailed();
        if (!(state instanceof Connected13 connected) || closeNotifySent) {
            throw new IllegalStateException("KeyUpdate needs an established, open TLS 1.3 connection");
        }
        try {
            connected.updateKeys(requestPeerUpdate);
            flushHandshake();
        } catch (TlsException | RuntimeException e) {
            throw failed(e);
        }
    }

    private void receiveAlert(byte[] data, int offset, int length) throws TlsException {
        // RFC 5246 §7.2: struct { AlertLevel level; AlertDescription description; }
        if (length != 2) {
            throw new TlsException(AlertDescription.DECODE_ERROR,
                "an alert record of " + length + " bytes; an alert is exactly 2 bytes");
        }
        int level = data[offset] & 0xFF;
        AlertDescription description = new AlertDescription(data[offset + 1] & 0xFF);
        if (level != 1 && level != 2) {
            throw new TlsException(AlertDescription.ILLEGAL_PARAMETER, "an alert with unknown level " + level);
        }
        if (observer != null) {
            observer.onEvent(new TlsEvent.Alert(TlsEvent.Direction.RECEIVED, level == 2, description));
        }
        if (description.equals(AlertDescription.CLOSE_NOTIFY)) {
            closeNotifyReceived = true;
            if (isHandshaking()) {
                throw TlsException.receivedAlert(description,
                    "the peer closed the connection (close_notify) before the handshake completed");
            }
            if (!ProtocolVersion.TLS13.equals(version)) {
                // RFC 5246 §7.2.1: answer with our own close_notify. TLS 1.3 lets the peer half-close (RFC 8446 §6.1).
                close();
            }
            return;
        }
        if (level == 2) {
            throw TlsException.receivedAlert(description);
        }
        if (++consecutiveWarnings > MAX_CONSECUTIVE_WARNINGS) {
            throw new TlsException(AlertDescription.UNEXPECTED_MESSAGE,
                "more than " + MAX_CONSECUTIVE_WARNINGS + " warning alerts in a row");
        }
    }

    private void sendAlert(int level, AlertDescription description) throws TlsException {
        if (observer != null) {
            observer.onEvent(new TlsEvent.Alert(TlsEvent.Direction.SENT, level == 2, description));
        }
        records.write(ContentType.ALERT, new byte[] {(byte) level, (byte) description.code()}, 0, 2);
    }

    private void moveTo(HandshakeState next) {
        if (observer != null && next != state && session == null) {
            observer.onEvent(new TlsEvent.State(next.waitingFor()));
        }
        state = next;
    }

    private void flushHandshake() throws TlsException {
        if (pendingLength > 0) {
            byte[] bytes = pendingHandshake;
            int length = pendingLength;
            // Released with every flight: an idle connection keeps no handshake buffer.
            pendingHandshake = NO_BYTES;
            pendingLength = 0;
            records.write(ContentType.HANDSHAKE, bytes, 0, length);
        }
    }

    private void checkWritable() throws TlsException {
        checkNotFailed();
        if (closeNotifySent) {
            throw new IllegalStateException("the connection is closed for writing");
        }
        if (!applicationWritable) {
            throw new IllegalStateException("the handshake has not completed yet");
        }
    }

    private void checkNotFailed() throws TlsException {
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The one place where failures become alerts: every public operation hands what it caught here,
     * which ends the connection (sending the alert) and returns the exception to throw. Anything but
     * a TlsException is a bug in Handshake, reported as internal_error.
     */
    private TlsException failed(Exception caught) {
        TlsException e = caught instanceof TlsException tls ? tls
            : new TlsException(AlertDescription.INTERNAL_ERROR, "internal error in Handshake: " + caught, caught);
        fail(e);
        return e;
    }

    private void fail(TlsException e) {
        if (failure != null) {
            return;
        }
        failure = e;
        applicationWritable = false;
        if (!e.sentByPeer()) {
            try {
                sendAlert(2, e.alert());
            } catch (TlsException | RuntimeException ignored) {
                // The connection is already failing; the original reason is what matters.
            }
        }
        if (observer != null) {
            observer.onEvent(new TlsEvent.Failed(e.alert(), e.getMessage(), e.sentByPeer()));
        }
    }

    /** The engine as the handshake states see it. */
    private final class Context implements HandshakeContext {

        @Override
        public TlsConfig config() {
            return config;
        }

        @Override
        public TlsObserver observer() {
            return observer;
        }

        @Override
        public String peerName() {
            return peerName;
        }

        @Override
        public Handshake send(HandshakeMessage message) {
            Handshake framed = message.toHandshake();
            if (observer != null) {
                observer.onEvent(new TlsEvent.HandshakeMessage(TlsEvent.Direction.SENT, framed, records.writeProtected()));
            }
            byte[] raw = framed.raw();
            if (pendingLength + raw.length > pendingHandshake.length) {
                pendingHandshake = java.util.Arrays.copyOf(pendingHandshake,
                    Math.max(pendingLength + raw.length, Math.max(1024, 2 * pendingHandshake.length)));
            }
            System.arraycopy(raw, 0, pendingHandshake, pendingLength, raw.length);
            pendingLength += raw.length;
            return framed;
        }

        @Override
        public void sendChangeCipherSpec() throws TlsException {
            flushHandshake();
            if (observer != null) {
                observer.onEvent(new TlsEvent.ChangeCipherSpec(TlsEvent.Direction.SENT));
            }
            records.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
        }

        @Override
        public void setWriteProtection(RecordProtection protection) throws TlsException {
            flushHandshake();
            records.setWriteProtection(protection);
        }

        @Override
        public void setReadProtection(RecordProtection protection) {
            records.setReadProtection(protection);
            readKeysChanged = true;
        }

        @Override
        public void negotiated(ProtocolVersion negotiated) {
            version = negotiated;
            // RFC 8446 §5.1: TLS 1.3 records keep the TLS 1.2 version number.
            records.setVersion(ProtocolVersion.TLS12);
        }

        @Override
        public void allowEarlyApplicationWrites() {
            applicationWritable = true;
        }

        @Override
        public void complete(Session negotiated) {
            session = negotiated;
            applicationWritable = true;
            if (observer != null) {
                observer.onEvent(new TlsEvent.Completed(negotiated));
            }
        }

        @Override
        public void sendWarning(AlertDescription alert) throws TlsException {
            flushHandshake();
            sendAlert(1, alert);
        }
    }
}
