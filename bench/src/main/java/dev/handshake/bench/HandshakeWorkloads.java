package dev.handshake.bench;

import dev.handshake.pki.TrustAnchors;
import dev.handshake.tls.CertificateVerifier;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.Credential;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.SessionCache;
import dev.handshake.tls.SessionTicket;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsConnection;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.trace.TlsObserver;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The scenarios through Handshake's own engine, with the JDK's providers or a preferred one first. */
final class HandshakeWorkloads {

    /** The server name the client connects to; the test PKI's leaf is for localhost. */
    static final String HOST = "localhost";

    /**
     * A client cache that takes tickets and never hands one back: full handshakes, with the same
     * ticket work as a client that keeps them (SunJSSE and Conscrypt store theirs too).
     */
    static final SessionCache NO_RESUMPTION = new SessionCache() {
        @Override
        public void put(SessionTicket ticket) {
        }

        @Override
        public SessionTicket take(String serverName, Instant now) {
            return null;
        }
    };

    private HandshakeWorkloads() {
    }

    static Workload create(Scenario scenario, Credential credential, X509Certificate root, Provider preferred) {
        return create(scenario, credential, root, preferred, HOST);
    }

    /** The same, the client connecting to {@code host} (the smoke test shows a wrong name is refused). */
    static Workload create(Scenario scenario, Credential credential, X509Certificate root, Provider preferred,
                           String host) {
        return create(scenario, credential, root, preferred, host, null);
    }

    /** The same, with {@code observer} (when not null) installed on both sides. */
    static Workload create(Scenario scenario, Credential credential, X509Certificate root, Provider preferred,
                           String host, TlsObserver observer) {
        CryptoProvider crypto = preferred == null ? CryptoProvider.jca() : CryptoProvider.jca(preferred);
        TlsConfig.Builder serverBuilder = limited(scenario, crypto).credential(credential);
        TlsConfig.Builder clientBuilder = limited(scenario, crypto);
        if (observer != null) {
            serverBuilder.observer(observer);
            clientBuilder.observer(observer);
        }
        TlsConfig server = serverBuilder.build();
        TlsConfig client = clientBuilder
            .certificateVerifier(CertificateVerifier.trusting(TrustAnchors.of(List.of(root))))
            .sessionCache(scenario.kind() == Scenario.Kind.RESUMED ? SessionCache.inMemory(16) : NO_RESUMPTION)
            .build();
        return scenario.kind() == Scenario.Kind.TRANSFER
            ? new Transfer(client, server)
            : new Handshakes(client, server, host);
    }

    /** One version, one suite, x25519 first (secp256r1 listed so a TLS 1.2 ECDSA chain qualifies). */
    private static TlsConfig.Builder limited(Scenario scenario, CryptoProvider crypto) {
        return TlsConfig.builder()
            .versions(List.of(scenario.tls13() ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12))
            .cipherSuites(List.of(CipherSuite.forName(scenario.suite())))
            .namedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
            .crypto(crypto);
    }

    /** A fresh pair per operation: a full handshake, or a resumed one when the client cache has a ticket. */
    static final class Handshakes implements Workload {
        private final TlsConfig clientConfig;
        private final TlsConfig serverConfig;
        private final String host;
        private final HandshakeLink link = new HandshakeLink();
        private Session last;

        Handshakes(TlsConfig clientConfig, TlsConfig serverConfig, String host) {
            this.clientConfig = clientConfig;
            this.serverConfig = serverConfig;
            this.host = host;
        }

        @Override
        public int run() throws TlsException {
            TlsConnection client = TlsConnection.client(clientConfig, host);
            TlsConnection server = TlsConnection.server(serverConfig);
            int exchanged = link.handshakeAndExchange(client, server);
            last = client.session();
            return exchanged;
        }

        /** Makes an established pair, for the transfer scenarios and the retained-heap count. */
        TlsConnection[] establish() throws TlsException {
            TlsConnection client = TlsConnection.client(clientConfig, host);
            TlsConnection server = TlsConnection.server(serverConfig);
            link.handshakeAndExchange(client, server);
            last = client.session();
            return new TlsConnection[] {client, server};
        }

        @Override
        public Negotiated negotiated() {
            return last == null ? null : describe(last);
        }
    }

    /** One established pair; each operation is one full record from the client to the server. */
    static final class Transfer implements Workload {
        private final TlsConnection client;
        private final TlsConnection server;
        private final Negotiated negotiated;
        private final ByteBuffer plaintext = ByteBuffer.allocate(Scenario.RECORD_BYTES);
        private final ByteBuffer wire = ByteBuffer.allocate(HandshakeLink.BUFFER_BYTES);
        /**
         * As large as the SSLEngines' (EngineLink.BUFFER_BYTES): a TLS 1.3 record opens to its 2^14 bytes and
         * a content-type byte, so a buffer of exactly 2^14 would take each record through a copy.
         */
        private final ByteBuffer received = ByteBuffer.allocate(HandshakeLink.BUFFER_BYTES);

        Transfer(TlsConfig clientConfig, TlsConfig serverConfig) {
            try {
                TlsConnection[] pair = new Handshakes(clientConfig, serverConfig, HOST).establish();
                client = pair[0];
                server = pair[1];
                negotiated = describe(client.session());
            } catch (TlsException e) {
                throw new IllegalStateException("the transfer pair did not connect: " + e.getMessage(), e);
            }
        }

        /** wrap and unwrap, as an SSLEngine is driven: sealed into the wire, opened into {@code received}. */
        @Override
        public int run() throws TlsException {
            plaintext.clear();
            wire.clear();
            client.wrap(plaintext, wire);
            wire.flip();
            received.clear();
            int n = server.unwrap(wire, received);
            if (n != Scenario.RECORD_BYTES || wire.hasRemaining() || plaintext.hasRemaining()) {
                throw new IllegalStateException("a record of " + Scenario.RECORD_BYTES + " bytes came out as " + n);
            }
            return n;
        }

        @Override
        public Negotiated negotiated() {
            return negotiated;
        }
    }

    static Workload.Negotiated describe(Session session) {
        String protocol = session.version().equals(ProtocolVersion.TLS13) ? "TLSv1.3" : "TLSv1.2";
        return new Workload.Negotiated(protocol, session.cipherSuite().name(), session.resumed());
    }
}
