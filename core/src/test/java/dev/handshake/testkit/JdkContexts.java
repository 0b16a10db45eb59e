package dev.handshake.testkit;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** SSLContexts of the JDK's own TLS (SunJSSE, TLS 1.2 and 1.3) built from a {@link TestPki}. */
public final class JdkContexts {

    private JdkContexts() {
    }

    /** Presents the PKI's server identity; trusts its root for client certificates. */
    public static SSLContext server(TestPki pki) {
        return context(pki, pki.server());
    }

    /** Trusts the PKI's root; presents no certificate. */
    public static SSLContext client(TestPki pki) {
        return context(pki, null);
    }

    /** Trusts the PKI's root and presents this client certificate when asked. */
    public static SSLContext client(TestPki pki, Identity clientIdentity) {
        return context(pki, clientIdentity);
    }

    private static SSLContext context(TestPki pki, Identity identity) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(pki.trustStore());
            KeyManager[] keyManagers = null;
            if (identity != null) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
                keys.init(identity.keyStore(), Identity.KEY_STORE_PASSWORD.toCharArray());
                keyManagers = keys.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a JDK SSLContext", e);
        }
    }
}
