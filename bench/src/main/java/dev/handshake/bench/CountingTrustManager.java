package dev.handshake.bench;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager (the one a JSSE user gets from {@code TrustManagerFactory}) with one
 * root, counting the chains it checks: a resumed handshake checks none, so the count tells whether
 * SunJSSE and Conscrypt really resumed. The name check is the JDK's: with endpoint identification
 * "HTTPS" set on the engine, {@code checkServerTrusted(chain, authType, engine)} compares the leaf's
 * names with the host the engine was made for.
 */
final class CountingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager jdk;
    private int checks;

    CountingTrustManager(X509Certificate root) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
            factory.init(store);
            X509ExtendedTrustManager found = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    found = extended;
                }
            }
            if (found == null) {
                throw new IllegalStateException("the JDK's PKIX TrustManagerFactory made no X509ExtendedTrustManager");
            }
            jdk = found;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the JDK's trust manager", e);
        }
    }

    /** How many server chains were checked so far. */
    int checks() {
        return checks;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
        checks++;
        jdk.checkServerTrusted(chain, tls13AuthType(authType), engine);
    }

    /**
     * BoringSSL calls a TLS 1.3 server's key exchange "GENERIC", which the JDK's end-entity checker
     * does not know; SunJSSE itself passes "UNKNOWN" there (any key usage for signing is checked).
     */
    private static String tls13AuthType(String authType) {
        return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
        checks++;
        jdk.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Without an engine there is no host to check: never what a benchmark client should reach.
        throw new CertificateException("a server chain checked without its engine, so without its host name");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
        jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
        jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return jdk.getAcceptedIssuers();
    }
}
