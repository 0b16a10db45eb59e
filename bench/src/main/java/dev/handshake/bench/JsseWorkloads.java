package dev.handshake.bench;

import dev.handshake.tls.Credential;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.conscrypt.Conscrypt;

/**
 * The scenarios through an {@link SSLEngine}: SunJSSE's, or Conscrypt's. Both get the same key
 * manager, the JDK's PKIX trust manager with the one root, endpoint identification "HTTPS", and one
 * protocol version and suite.
 *
 * <p>Full handshakes: the client context's session cache holds one session, and each client engine
 * is made for a different port, so no session is ever found to resume (a JSSE client looks sessions
 * up by host and port). Resumed handshakes: one client context, one host and port.
 */
final class JsseWorkloads {

    static final String HOST = "localhost";
    private static final int RESUMPTION_PORT = 443;

    private JsseWorkloads() {
    }

    /** {@code conscrypt} null for SunJSSE. */
    static Workload create(Scenario scenario, Credential credential, X509Certificate root, Provider conscrypt) {
        return create(scenario, credential, root, conscrypt, HOST);
    }

    /** The same, the client connecting to {@code host} (the smoke test shows a wrong name is refused). */
    static Workload create(Scenario scenario, Credential credential, X509Certificate root, Provider conscrypt,
                           String host) {
        try {
            SSLContext serverContext = context(conscrypt);
            serverContext.init(new KeyManager[] {new FixedKeyManager(credential.privateKey(), credential.chain())},
                null, null);
            CountingTrustManager trust = new CountingTrustManager(root);
            SSLContext clientContext = context(conscrypt);
            clientContext.init(null, new TrustManager[] {trust}, null);
            if (scenario.kind() == Scenario.Kind.FULL) {
                clientContext.getClientSessionContext().setSessionCacheSize(1);
            }
            Engines engines = new Engines(scenario, clientContext, serverContext, trust, conscrypt != null, host);
            return scenario.kind() == Scenario.Kind.TRANSFER ? new Transfer(engines) : new Handshakes(engines);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the SSLContexts", e);
        }
    }

    private static SSLContext context(Provider conscrypt) throws GeneralSecurityException {
        return conscrypt == null ? SSLContext.getInstance("TLS", "SunJSSE") : SSLContext.getInstance("TLS", conscrypt);
    }

    /** Makes the engines of one connection. */
    static final class Engines {
        private final Scenario scenario;
        private final SSLContext clientContext;
        private final SSLContext serverContext;
        private final CountingTrustManager trust;
        private final boolean conscrypt;
        private final String host;
        private final String[] protocols;
        private final String[] suites;
        private int port = RESUMPTION_PORT;
        private final ByteBuffer scratch = ByteBuffer.allocateDirect(EngineLink.BUFFER_BYTES);
        private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

        Engines(Scenario scenario, SSLContext clientContext, SSLContext serverContext, CountingTrustManager trust,
                boolean conscrypt, String host) {
            this.scenario = scenario;
            this.host = host;
            this.clientContext = clientContext;
            this.serverContext = serverContext;
            this.trust = trust;
            this.conscrypt = conscrypt;
            if (conscrypt && scenario == Scenario.TRANSFER_CHACHA20_16K) {
                // BoringSSL's TLS 1.3 suites cannot be configured (AES-GCM first on a CPU with AES
                // instructions), so Conscrypt's ChaCha20 record is measured in TLS 1.2.
                protocols = new String[] {"TLSv1.2"};
                suites = new String[] {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"};
            } else {
                protocols = new String[] {scenario.protocol()};
                // Conscrypt always enables its TLS 1.3 suites and takes no TLS 1.3 name here.
                suites = conscrypt && scenario.tls13() ? null : new String[] {scenario.suite()};
            }
        }

        boolean conscrypt() {
            return conscrypt;
        }

        SSLEngine client() {
            if (scenario.kind() != Scenario.Kind.RESUMED) {
                port = port == 65535 ? 1024 : port + 1;
            }
            SSLEngine engine = clientContext.createSSLEngine(host, port);
            engine.setUseClientMode(true);
            ticketsOn(engine);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            limit(parameters);
            engine.setSSLParameters(parameters);
            return engine;
        }

        SSLEngine server() {
            SSLEngine engine = serverContext.createSSLEngine();
            engine.setUseClientMode(false);
            ticketsOn(engine);
            SSLParameters parameters = engine.getSSLParameters();
            limit(parameters);
            engine.setSSLParameters(parameters);
            return engine;
        }

        /**
         * Conscrypt turns session tickets off unless asked (SunJSSE and Handshake have them on), and
         * BoringSSL resumes TLS 1.3 only with tickets.
         */
        private void ticketsOn(SSLEngine engine) {
            if (conscrypt) {
                Conscrypt.setUseSessionTickets(engine, true);
            }
        }

        private void limit(SSLParameters parameters) {
            parameters.setProtocols(protocols);
            if (suites != null) {
                parameters.setCipherSuites(suites);
            }
        }

        /**
         * Frees a Conscrypt engine's native state now. Each holds a BoringSSL object and a pipe (two file
         * descriptors) until it is closed or finalised; at a thousand handshakes a second with few
         * collections, a process runs out of descriptors before the finalisers run. Conscrypt frees an
         * engine once both directions are done, and outbound is done only when its close_notify has been
         * wrapped, so that is wrapped (and dropped). SunJSSE's engines are left to the garbage collector.
         */
        void release(SSLEngine engine) throws SSLException {
            if (!conscrypt) {
                return;
            }
            engine.closeOutbound();
            SSLEngineResult result;
            do {
                scratch.clear();
                result = engine.wrap(NOTHING, scratch);
            } while (result.bytesProduced() > 0);
            try {
                engine.closeInbound();
            } catch (SSLException e) {
                // "inbound closed before close_notify": expected, nothing is read any more.
            }
            if (!engine.isOutboundDone() || !engine.isInboundDone()) {
                throw new IllegalStateException("a Conscrypt engine did not close");
            }
        }

        int checks() {
            return trust.checks();
        }
    }

    /** A fresh pair of engines per operation. */
    static final class Handshakes implements Workload {
        private final Engines engines;
        private final EngineLink link;
        private Negotiated last;

        Handshakes(Engines engines) {
            this.engines = engines;
            this.link = new EngineLink(engines.conscrypt());
        }

        @Override
        public int run() throws SSLException {
            int checksBefore = engines.checks();
            SSLEngine client = engines.client();
            SSLEngine server = engines.server();
            int exchanged = link.handshakeAndExchange(client, server);
            last = new Negotiated(client.getSession().getProtocol(), client.getSession().getCipherSuite(),
                engines.checks() == checksBefore);
            engines.release(client);
            engines.release(server);
            return exchanged;
        }

        /** An established pair, for the transfer scenarios and the retained-heap count. */
        SSLEngine[] establish() throws SSLException {
            SSLEngine client = engines.client();
            SSLEngine server = engines.server();
            link.handshakeAndExchange(client, server);
            last = new Negotiated(client.getSession().getProtocol(), client.getSession().getCipherSuite(), false);
            return new SSLEngine[] {client, server};
        }

        @Override
        public Negotiated negotiated() {
            return last;
        }
    }

    /** One established pair; each operation is one full record from the client to the server. */
    static final class Transfer implements Workload {
        private final SSLEngine client;
        private final SSLEngine server;
        private final Negotiated negotiated;
        private final ByteBuffer plaintext;
        private final ByteBuffer wire;
        private final ByteBuffer received;

        Transfer(Engines engines) {
            Handshakes handshakes = new Handshakes(engines);
            try {
                SSLEngine[] pair = handshakes.establish();
                client = pair[0];
                server = pair[1];
            } catch (SSLException e) {
                throw new IllegalStateException("the transfer pair did not connect: " + e.getMessage(), e);
            }
            negotiated = handshakes.negotiated();
            boolean direct = engines.conscrypt();
            plaintext = EngineLink.allocate(direct, Scenario.RECORD_BYTES);
            wire = EngineLink.allocate(direct, EngineLink.BUFFER_BYTES);
            received = EngineLink.allocate(direct, EngineLink.BUFFER_BYTES);
        }

        /**
         * Wraps 16 KiB and unwraps it. That is one record, except for SunJSSE's TLS 1.3 ChaCha20, whose
         * records carry at most 16,367 bytes: there it takes two, as it would for an application.
         */
        @Override
        public int run() throws SSLException {
            plaintext.clear();
            wire.clear();
            while (plaintext.hasRemaining()) {
                SSLEngineResult wrapped = client.wrap(plaintext, wire);
                if (wrapped.bytesConsumed() == 0) {
                    throw new IllegalStateException("wrap made no progress: " + wrapped);
                }
            }
            wire.flip();
            received.clear();
            while (wire.hasRemaining()) {
                SSLEngineResult unwrapped = server.unwrap(wire, received);
                if (unwrapped.bytesConsumed() == 0) {
                    throw new IllegalStateException("unwrap made no progress: " + unwrapped);
                }
            }
            if (received.position() != Scenario.RECORD_BYTES) {
                throw new IllegalStateException(Scenario.RECORD_BYTES + " bytes came out as " + received.position());
            }
            return received.position();
        }

        @Override
        public Negotiated negotiated() {
            return negotiated;
        }
    }
}
