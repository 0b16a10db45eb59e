package dev.handshake.testkit;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** SSLContexts of the JDK's own TLS (SunJSSE, TLS 1.2 and 1.3) built from a {@link TestPki}. */
public final class JdkContexts {

    private JdkContexts() {
    }

    /**
     * What a context's handshakes did with its key and its trust, counted: a full TLS 1.3 handshake
     * takes the private key to sign (server, or client with a certificate) and checks the peer's
     * chain; a resumed one (PSK) does neither, which is how a test sees that the JDK resumed.
     */
    public static final class Usage {

        private final AtomicInteger privateKeyUses = new AtomicInteger();
        private final AtomicInteger chainChecks = new AtomicInteger();

        /** How often SunJSSE took the private key from the key manager. */
        public int privateKeyUses() {
            return privateKeyUses.get();
        }

        /** How often SunJSSE asked the trust manager to check a peer's chain. */
        public int chainChecks() {
            return chainChecks.get();
        }
    }

    /** Presents the PKI's server identity; trusts its root for client certificates. */
    public static SSLContext server(TestPki pki) {
        return context(pki, pki.server(), new Usage());
    }

    /** As {@link #server(TestPki)}, counting what each handshake does in {@code usage}. */
    public static SSLContext server(TestPki pki, Usage usage) {
        return context(pki, pki.server(), usage);
    }

    /** Trusts the PKI's root; presents no certificate. */
    public static SSLContext client(TestPki pki) {
        return context(pki, null, new Usage());
    }

    /** As {@link #client(TestPki)}, counting what each handshake does in {@code usage}. */
    public static SSLContext client(TestPki pki, Usage usage) {
        return context(pki, null, usage);
    }

    /** Trusts the PKI's root and presents this client certificate when asked. */
    public static SSLContext client(TestPki pki, Identity clientIdentity) {
        return context(pki, clientIdentity, new Usage());
    }

    private static SSLContext context(TestPki pki, Identity identity, Usage usage) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(pki.trustStore());
            KeyManager[] keyManagers = null;
            if (identity != null) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
                keys.init(identity.keyStore(), Identity.KEY_STORE_PASSWORD.toCharArray());
                keyManagers = new KeyManager[] {
                    new CountingKeyManager((X509ExtendedKeyManager) keys.getKeyManagers()[0], usage)};
            }
            TrustManager[] trustManagers = {
                new CountingTrustManager((X509ExtendedTrustManager) trust.getTrustManagers()[0], usage)};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a JDK SSLContext", e);
        }
    }

    /** The PKIX key manager, counting {@link Usage#privateKeyUses()}. */
    private static final class CountingKeyManager extends X509ExtendedKeyManager {

        private final X509ExtendedKeyManager delegate;
        private final Usage usage;

        CountingKeyManager(X509ExtendedKeyManager delegate, Usage usage) {
            this.delegate = delegate;
            this.usage = usage;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            usage.privateKeyUses.incrementAndGet();
            return delegate.getPrivateKey(alias);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }
    }

    /** The PKIX trust manager, counting {@link Usage#chainChecks()}. */
    private static final class CountingTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager delegate;
        private final Usage usage;

        CountingTrustManager(X509ExtendedTrustManager delegate, Usage usage) {
            this.delegate = delegate;
            this.usage = usage;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            usage.chainChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
