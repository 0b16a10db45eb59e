package dev.handshake.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The JDK's {@link SSLEngine} driven in memory: network bytes in, network bytes out, like the
 * sans-IO engine under test, so the two can be wired together with {@link InMemoryLink}.
 *
 * <pre>{@code
 * JdkEnginePeer jdk = JdkEnginePeer.server(JdkContexts.server(pki), parameters -> {});
 * InMemoryLink.pump(ourClientEndpoint, jdk);
 * assertThat(jdk.session().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
 * }</pre>
 *
 * An engine failure (a fatal alert received or sent) does not throw: it is kept in
 * {@link #failure()}, and the alert the engine sends for it comes out of {@link #toNetwork()}.
 */
public final class JdkEnginePeer implements TlsEndpoint {

    private final SSLEngine engine;
    private ByteBuffer networkIn = ByteBuffer.allocate(0);
    private ByteBuffer applicationOut = ByteBuffer.allocate(0);
    private final ByteArrayOutputStream applicationIn = new ByteArrayOutputStream();
    private boolean handshakeComplete;
    private boolean receivedCloseNotify;
    private SSLException failure;

    private JdkEnginePeer(SSLEngine engine, Consumer<SSLParameters> configuration) {
        SSLParameters parameters = engine.getSSLParameters();
        configuration.accept(parameters);
        engine.setSSLParameters(parameters);
        this.engine = engine;
    }

    /**
     * A client for "localhost" (the SNI name) that checks the server's certificate names it
     * (endpoint identification "HTTPS"); the configuration may change any parameter.
     */
    public static JdkEnginePeer client(SSLContext context, Consumer<SSLParameters> configuration) {
        SSLEngine engine = context.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        return new JdkEnginePeer(engine, parameters -> {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            configuration.accept(parameters);
        });
    }

    /** A server; e.g. {@code parameters -> parameters.setNeedClientAuth(true)}. */
    public static JdkEnginePeer server(SSLContext context, Consumer<SSLParameters> configuration) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return new JdkEnginePeer(engine, configuration);
    }

    @Override
    public void fromNetwork(byte[] bytes) {
        ByteBuffer joined = ByteBuffer.allocate(networkIn.remaining() + bytes.length);
        networkIn = joined.put(networkIn).put(bytes).flip();
        unwrap();
    }

    @Override
    public byte[] toNetwork() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            wrapInto(out);
        } while (unwrap()); // bytes left over from the last arrival may be readable only now
        return out.toByteArray();
    }

    /** Queues application data; it leaves with the next {@link #toNetwork()} after the handshake. */
    public void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer joined = ByteBuffer.allocate(applicationOut.remaining() + bytes.length);
        applicationOut = joined.put(applicationOut).put(bytes).flip();
    }

    /** Takes the application data received so far. */
    public String read() {
        String text = applicationIn.toString(StandardCharsets.UTF_8);
        applicationIn.reset();
        return text;
    }

    /** Starts a new handshake on an established connection: renegotiation (a server sends HelloRequest). */
    public void renegotiate() {
        try {
            engine.beginHandshake();
            handshakeComplete = false;
        } catch (SSLException e) {
            failure = e;
        }
    }

    /**
     * TLS 1.3: sends a KeyUpdate that requests the peer's (SunJSSE's beginHandshake() on an
     * established TLS 1.3 connection; it has no way to send one without the request).
     */
    public void updateKeys() {
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            failure = e;
        }
    }

    /** Queues close_notify; it leaves with the next {@link #toNetwork()}. */
    public void closeOutbound() {
        engine.closeOutbound();
    }

    /**
     * The transport ended (TCP EOF). The engine calls that a truncation unless close_notify came
     * first; either way {@link #receivedCloseNotify()} tells which.
     */
    public void endOfInput() {
        try {
            engine.closeInbound();
        } catch (SSLException e) {
            // "closing inbound before receiving peer's close_notify": receivedCloseNotify() stays false.
        }
    }

    public boolean isHandshakeComplete() {
        return handshakeComplete;
    }

    public boolean receivedCloseNotify() {
        return receivedCloseNotify;
    }

    /** True once the engine will neither send nor receive anything more. */
    public boolean isClosed() {
        return engine.isInboundDone() && engine.isOutboundDone();
    }

    public Optional<SSLException> failure() {
        return Optional.ofNullable(failure);
    }

    /** The negotiated session: getProtocol() "TLSv1.3", getCipherSuite() "TLS_AES_128_GCM_SHA256", ... */
    public SSLSession session() {
        return engine.getSession();
    }

    /** The ALPN protocol chosen, "" if none. */
    public String applicationProtocol() {
        String protocol = engine.getApplicationProtocol();
        return protocol == null ? "" : protocol;
    }

    private void wrapInto(ByteArrayOutputStream out) {
        while (true) {
            ByteBuffer packet = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult result;
            try {
                result = engine.wrap(applicationOut, packet);
            } catch (SSLException e) {
                fail(e);
                return;
            }
            out.write(packet.array(), 0, packet.flip().remaining());
            if (!madeProgress(result)) {
                return;
            }
        }
    }

    /** Unwraps what it can of the buffered network bytes; true if it consumed any. */
    private boolean unwrap() {
        boolean consumed = false;
        while (!engine.isInboundDone()) {
            ByteBuffer application = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            SSLEngineResult result;
            try {
                result = engine.unwrap(networkIn, application);
            } catch (SSLException e) {
                fail(e);
                return consumed;
            }
            consumed |= result.bytesConsumed() > 0;
            applicationIn.write(application.array(), 0, application.flip().remaining());
            if (result.getStatus() == Status.CLOSED) {
                receivedCloseNotify = true;
            }
            if (!madeProgress(result)) {
                return consumed;
            }
        }
        return consumed;
    }

    /** Runs delegated tasks and notes a finished handshake; true while another wrap or unwrap may do more. */
    private boolean madeProgress(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeComplete = true;
        }
        boolean ranTasks = false;
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
            ranTasks = true;
        }
        boolean moved = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
        return result.getStatus() == Status.OK && (moved || ranTasks);
    }

    private void fail(SSLException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
