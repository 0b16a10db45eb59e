package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.2.1: a missing intermediate can be fetched from caIssuers; only 127.0.0.1 is contacted. */
class AiaFetchTest {

    private final Pki pki = new Pki();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/ca.der", pki.intermediate.der());
        serve("/huge.der", new byte[200_000]);
        serve("/junk.der", "not a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private CertificateBuilder.Issued leafPointingAt(String uri) {
        return CertificateBuilder.leaf("example.com").caIssuers(uri).issuedBy(pki.intermediate).build();
    }

    @Test
    void offByDefault() {
        ValidationResult result = pki.validate(leafPointingAt(base + "/ca.der"));
        assertFails(result, FailureCode.UNKNOWN_ISSUER, 0);
        assertThat(requests).hasValue(0);
    }

    @Test
    void fetchesTheMissingIntermediateAndCachesIt() {
        PathValidator validator = pki.validator().aiaFetching(true).build();
        CertificateBuilder.Issued leaf = leafPointingAt(base + "/ca.der");
        ValidationResult result = Pki.validate(validator, leaf);
        assertValid(result);
        assertThat(result.path()).containsExactly(leaf.certificate(), pki.intermediate.certificate(), pki.root.certificate());
        assertValid(Pki.validate(validator, leaf));
        assertThat(requests).hasValue(1);
    }

    @Test
    void acceptsACertsOnlyPkcs7Response() throws Exception {
        CertPath bundle = CertificateFactory.getInstance("X.509").generateCertPath(List.of(pki.intermediate.certificate()));
        serve("/ca.p7c", bundle.getEncoded("PKCS7"));
        assertValid(Pki.validate(pki.validator().aiaFetching(true).build(), leafPointingAt(base + "/ca.p7c")));
    }

    @Test
    void oversizedJunkAndUnreachableResponsesFailCleanly() {
        AiaFetcher fetcher = new AiaFetcher(64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2), 4);
        List<ValidationStep> steps = new ArrayList<>();
        PathValidator validator = pki.validator().aiaFetcher(fetcher).listener(steps::add).build();
        for (String path : new String[] {"/huge.der", "/junk.der", "/missing"}) {
            assertFails(Pki.validate(validator, leafPointingAt(base + path)), FailureCode.UNKNOWN_ISSUER, 0);
        }
        assertThat(steps).filteredOn(step -> step instanceof ValidationStep.IssuerFetched)
            .extracting(step -> ((ValidationStep.IssuerFetched) step).problem())
            .anySatisfy(problem -> assertThat(problem).contains("larger than"))
            .anySatisfy(problem -> assertThat(problem).contains("neither a DER certificate"))
            .anySatisfy(problem -> assertThat(problem).contains("HTTP 404"));
    }

    @Test
    void onlyPlainHttpIsFetched() {
        PathValidator validator = pki.validator().aiaFetching(true).build();
        assertFails(Pki.validate(validator, leafPointingAt("https://127.0.0.1:" + server.getAddress().getPort() + "/ca.der")),
            FailureCode.UNKNOWN_ISSUER, 0);
        assertThat(requests).hasValue(0);
    }
}
