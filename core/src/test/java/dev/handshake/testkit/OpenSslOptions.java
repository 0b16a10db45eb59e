package dev.handshake.testkit;

import java.util.ArrayList;
import java.util.List;

/** Command-line options that openssl s_server and s_client share. */
public abstract class OpenSslOptions<T extends OpenSslOptions<T>> {

    final List<String> options = new ArrayList<>();

    OpenSslOptions() {
    }

    abstract T self();

    public T tls12() {
        return args("-tls1_2");
    }

    public T tls13() {
        return args("-tls1_3");
    }

    /**
     * The TLS 1.2 cipher list in OpenSSL's names, e.g. "ECDHE-RSA-AES128-GCM-SHA256",
     * "DHE-RSA-AES128-GCM-SHA256" or "AES128-GCM-SHA256" (RSA key exchange). Append
     * ":@SECLEVEL=0" for what OpenSSL's default level 1 refuses (SHA-1 signatures, small keys).
     */
    public T cipher(String list) {
        return args("-cipher", list);
    }

    /** The TLS 1.3 cipher suites, e.g. "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256". */
    public T ciphersuites(String list) {
        return args("-ciphersuites", list);
    }

    /** Key exchange groups, e.g. "X25519:P-256" or "ffdhe2048". */
    public T groups(String list) {
        return args("-groups", list);
    }

    /** ALPN protocols, comma-separated, e.g. "h2,http/1.1". */
    public T alpn(String protocols) {
        return args("-alpn", protocols);
    }

    /** Any other options, passed as they are. */
    public T args(String... arguments) {
        options.addAll(List.of(arguments));
        return self();
    }
}
