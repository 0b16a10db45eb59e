package dev.handshake.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;
import org.conscrypt.Conscrypt;

/**
 * The JVM-wide settings every benchmark JVM starts with, and the two native providers. Neither
 * native provider is installed in the JVM's provider list: Conscrypt is asked for its SSLContext by
 * instance, and ACCP is handed to Handshake with {@code CryptoProvider.jca(provider)}, so the JDK
 * columns never use them by accident.
 */
public final class Providers {

    private static Provider conscrypt;

    private Providers() {
    }

    /**
     * Call before any JSSE class loads (the settings are read once per JVM). Limits SunJSSE's groups
     * as the other engines are configured, since JDK 17 has no per-engine setting for them: x25519 only
     * in TLS 1.3 (with x25519 and secp256r1 listed, a JDK 17 client makes a key share for each, twice
     * the work of the other engines' one share), and x25519 then secp256r1 in TLS 1.2 (a TLS 1.2 client
     * must list the curve of an ECDSA certificate). Re-enables the TLS_RSA_* suites that JDK 24 and
     * later disable, for the RSA key exchange scenario: every engine is limited to one suite per scenario.
     */
    public static void prepareJvm(Scenario scenario) {
        System.setProperty("jdk.tls.namedGroups", scenario.tls13() ? "x25519" : "x25519,secp256r1");
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled != null && disabled.contains("TLS_RSA_*")) {
            Security.setProperty("jdk.tls.disabledAlgorithms",
                disabled.replace("TLS_RSA_*,", "").replace(", TLS_RSA_*", "").replace("TLS_RSA_*", ""));
        }
    }

    /** ACCP, after checking that its native library loaded and passed its self-tests. */
    public static Provider accp() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        if (accp.getLoadingError() != null) {
            throw new IllegalStateException("ACCP did not load on this machine", accp.getLoadingError());
        }
        accp.assertHealthy();
        return accp;
    }

    /** One Conscrypt provider for the JVM (its native library loads once). */
    public static synchronized Provider conscrypt() {
        if (conscrypt == null) {
            Conscrypt.checkAvailability(); // throws, with the reason, when its native library cannot load
            conscrypt = Conscrypt.newProvider();
        }
        return conscrypt;
    }
}
