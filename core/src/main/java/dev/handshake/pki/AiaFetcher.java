package dev.handshake.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads a missing issuer from a caIssuers URI of the authorityInfoAccess extension
 * (RFC 5280 §4.2.2.1): plain http only, a DER certificate or a certs-only PKCS#7 (RFC 5652)
 * response, a size cap, connect and read timeouts, and a small cache of recent answers. The
 * downloaded certificates are only candidates: path validation checks them like any other.
 */
public final class AiaFetcher {

    /** The most certificates taken from one response. */
    static final int MAX_CERTIFICATES = 8;

    private final int maxBytes;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, List<X509Certificate>> cache;

    /**
     * @param maxBytes the largest response accepted
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout how long the whole response may take once connected
     * @param cacheSize how many URIs' answers to keep, least recently used dropped first
     */
    public AiaFetcher(int maxBytes, Duration connectTimeout, Duration readTimeout, int cacheSize) {
        if (maxBytes <= 0 || cacheSize < 0 || connectTimeout.isNegative() || connectTimeout.isZero()
            || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("AIA limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<X509Certificate>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** 64 KiB, 5 s to connect, 5 s to read, 32 cached answers. */
    public static AiaFetcher withDefaults() {
        return new AiaFetcher(64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5), 32);
    }

    /** The certificates at this caIssuers URI, or an IOException that says why not. */
    public List<X509Certificate> fetch(String uri) throws IOException {
        synchronized (cache) {
            List<X509Certificate> cached = cache.get(uri);
            if (cached != null) {
                return cached;
            }
        }
        List<X509Certificate> certificates = parse(download(checkedUri(uri)));
        synchronized (cache) {
            cache.put(uri, certificates);
        }
        return certificates;
    }

    private static URI checkedUri(String text) throws IOException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URI", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IOException("only http:// caIssuers URIs are fetched (RFC 5280 §4.2.2.1)");
        }
        return uri;
    }

    private byte[] download(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
            connection.setReadTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, readTimeout.toMillis())));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/pkix-cert, application/pkcs7-mime");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("the server answered HTTP " + status);
            }
            if (connection.getContentLengthLong() > maxBytes) {
                throw new IOException("the response is larger than " + maxBytes + " bytes");
            }
            try (InputStream in = connection.getInputStream()) {
                return readCapped(in);
            }
        } finally {
            connection.disconnect();
        }
    }

    /** Reads at most maxBytes, and gives up when the whole body takes longer than the read timeout. */
    private byte[] readCapped(InputStream in) throws IOException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("the response is larger than " + maxBytes + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the response took longer than " + readTimeout.toMillis() + " ms");
            }
        }
        return out.toByteArray();
    }

    /** RFC 5280 §4.2.2.1: a single DER certificate, or a certs-only CMS SignedData. */
    private static List<X509Certificate> parse(byte[] body) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(body))) {
                if (certificate instanceof X509Certificate x509 && certificates.size() < MAX_CERTIFICATES) {
                    certificates.add(x509);
                }
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("the response is neither a DER certificate nor a PKCS#7 bundle: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("the response holds no certificate");
        }
        return List.copyOf(certificates);
    }
}
