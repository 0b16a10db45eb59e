package dev.handshake.tls;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Assertions on how an engine fails: the exception, and the fatal alert it sends. */
final class Alerts {

    private Alerts() {
    }

    /** Feeds {@code input} to {@code receiver} and checks that it fails with {@code alert} and sends it. */
    static TlsException assertSends(TlsConnection receiver, byte[] input, AlertDescription alert) {
        TlsException e = catchThrowableOfType(TlsException.class, () -> receiver.readTls(ByteBuffer.wrap(input)));
        assertThat(e).as("expected a TlsException with %s", alert).isNotNull();
        assertThat(e.alert()).as("alert; message was: %s", e.getMessage()).isEqualTo(alert);
        assertThat(e.sentByPeer()).isFalse();
        assertThat(e.getMessage()).isNotBlank();
        assertSentFatalAlert(receiver, alert);
        // The connection stays failed with the same reason.
        TlsException again = catchThrowableOfType(TlsException.class, () -> receiver.readTls(ByteBuffer.allocate(1)));
        assertThat(again).isSameAs(e);
        return e;
    }

    /**
     * The last record {@code sender} queued is a fatal alert: readable when sent in the clear; an
     * encrypted TLS 1.2 alert keeps its record type; a TLS 1.3 one hides inside application_data.
     */
    static void assertSentFatalAlert(TlsConnection sender, AlertDescription alert) {
        List<Wire.Record> records = Wire.records(EnginePair.drain(sender));
        assertThat(records).isNotEmpty();
        Wire.Record last = records.get(records.size() - 1);
        if (last.body().length == 2) {
            assertThat(last.type()).isEqualTo(Wire.ALERT);
            assertThat(last.body()).containsExactly(2, alert.code());
        } else {
            assertThat(last.type()).isIn(Wire.ALERT, Wire.APPLICATION_DATA);
        }
    }
}
