package dev.handshake.interop;

import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.KeyUpdate;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsEvent.Direction;
import dev.handshake.tls.trace.TlsObserver;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Our engine's own account of the handshake messages it sent and received, over every connection
 * made with the configuration it is installed in: the side of an interop case that the peer's
 * output cannot show (a HelloRetryRequest we sent, a KeyUpdate we answered).
 */
final class Recorder implements TlsObserver {

    private final List<TlsEvent.HandshakeMessage> messages = new CopyOnWriteArrayList<>();

    /** Installs a new recorder in the configuration. */
    static Recorder in(TlsConfig.Builder config) {
        Recorder recorder = new Recorder();
        config.observer(recorder);
        return recorder;
    }

    @Override
    public void onEvent(TlsEvent event) {
        if (event instanceof TlsEvent.HandshakeMessage message) {
            messages.add(message);
        }
    }

    long sent(HandshakeType type) {
        return messages.stream().filter(m -> m.direction() == Direction.SENT && m.message().type().equals(type)).count();
    }

    long received(HandshakeType type) {
        return messages.stream()
            .filter(m -> m.direction() == Direction.RECEIVED && m.message().type().equals(type)).count();
    }

    /** KeyUpdates we sent or received, with update_requested set or not. */
    long keyUpdates(Direction direction, boolean updateRequested) {
        return messages.stream()
            .filter(m -> m.direction() == direction && m.message().type().equals(HandshakeType.KEY_UPDATE))
            .filter(m -> decode(() -> KeyUpdate.decode(m.message())).updateRequested() == updateRequested)
            .count();
    }

    /** HelloRetryRequests we sent (as a server) or received (as a client). */
    long helloRetryRequests(Direction direction) {
        return messages.stream()
            .filter(m -> m.direction() == direction && m.message().type().equals(HandshakeType.SERVER_HELLO))
            .filter(m -> decode(() -> ServerHello.decode(m.message())).isHelloRetryRequest())
            .count();
    }

    /** The ClientHellos we sent or received, in order. */
    List<ClientHello> clientHellos(Direction direction) {
        return messages.stream()
            .filter(m -> m.direction() == direction && m.message().type().equals(HandshakeType.CLIENT_HELLO))
            .map(m -> decode(() -> ClientHello.decode(m.message())))
            .toList();
    }

    /** Whether the last ClientHello we sent echoed a cookie (RFC 8446 §4.2.2: after a HelloRetryRequest with one). */
    boolean lastClientHelloHadCookie() {
        List<ClientHello> hellos = clientHellos(Direction.SENT);
        return !hellos.isEmpty() && hellos.get(hellos.size() - 1).extensions().has(ExtensionType.COOKIE);
    }

    private interface Decoder<T> {
        T decode() throws TlsException;
    }

    private static <T> T decode(Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (TlsException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return messages.stream().map(m -> m.direction() + " " + m.message().type().name()).toList().toString();
    }
}
