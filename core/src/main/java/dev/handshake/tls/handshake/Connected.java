package dev.handshake.tls.handshake;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;

/**
 * A TLS 1.2 connection after its handshake: application data flows. Handshake never
 * renegotiates (RFC 5746 protects those who do; not renegotiating avoids the question): a
 * HelloRequest or a new ClientHello is answered with a no_renegotiation warning and ignored.
 */
public final class Connected implements HandshakeState {

    private final HandshakeContext context;
    private final HandshakeType renegotiationRequest;

    /** @param client whether this is the client side, which may receive HelloRequest (the server: ClientHello) */
    public Connected(HandshakeContext context, boolean client) {
        this.context = context;
        this.renegotiationRequest = client ? HandshakeType.HELLO_REQUEST : HandshakeType.CLIENT_HELLO;
    }

    @Override
    public HandshakeState handle(Handshake message) throws TlsException {
        if (message.type().equals(renegotiationRequest)) {
            // RFC 5246 §7.2.2: no_renegotiation is a warning; the peer decides whether to go on.
            context.sendWarning(AlertDescription.NO_RENEGOTIATION);
            return this;
        }
        throw message.unexpected(waitingFor());
    }

    @Override
    public boolean acceptsApplicationData() {
        return true;
    }

    @Override
    public String waitingFor() {
        return "connected (the handshake is over)";
    }
}
