package dev.handshake.testkit;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Limits the key-exchange groups of one JDK endpoint. Java 17's SSLParameters has no
 * setNamedGroups (Java 20 added it) and the system property jdk.tls.namedGroups is read once per
 * JVM, so this goes through {@link javax.net.ssl.SSLParameters#setAlgorithmConstraints}: SunJSSE
 * asks the constraints whether each group's name is permitted. A JDK client then offers, and sends
 * a key share for, only the groups allowed; a JDK server takes no other share (and asks for an
 * allowed one with a HelloRetryRequest).
 *
 * <pre>{@code
 * JdkEnginePeer.server(context, p -> p.setAlgorithmConstraints(JdkNamedGroups.only("secp384r1")));
 * }</pre>
 *
 * SunJSSE also applies it to the ECDSA signature schemes, which are tied to a curve
 * (ecdsa_secp256r1_sha256 needs secp256r1 permitted): pair it with RSA or Ed25519 certificates.
 */
public final class JdkNamedGroups implements AlgorithmConstraints {

    private static final Set<String> GROUPS = Set.of("x25519", "x448", "secp256r1", "secp384r1", "secp521r1",
        "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");

    private final List<String> allowed;

    private JdkNamedGroups(List<String> allowed) {
        this.allowed = allowed;
    }

    /** Permits these groups (SunJSSE's names: "x25519", "secp256r1", "ffdhe2048", ...) and no other. */
    public static JdkNamedGroups only(String... groups) {
        return new JdkNamedGroups(List.of(groups));
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
        String name = algorithm == null ? "" : algorithm.toLowerCase(Locale.ROOT);
        return !GROUPS.contains(name) || allowed.contains(name);
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return true;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
        return permits(primitives, algorithm, parameters);
    }
}
