package dev.handshake.cli;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.PemFiles;
import dev.handshake.testkit.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --report}: the page opens in headless Chromium and draws the diagram without script errors. */
@Timeout(240)
class ReportTest {

    @TempDir
    static Path dir;
    static PemFiles files;
    static RunningServe serve;

    @BeforeAll
    static void start() throws Exception {
        files = TestPki.of(KeyType.ECDSA_P256).server().writePem(dir);
        serve = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString(),
            "--report", dir.resolve("server.html").toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void theReportRendersInChromiumWithoutScriptErrors() throws Exception {
        Path report = dir.resolve("client.html");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--report", report.toString(),
            "--tls1.2");
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.err()).contains("report: " + report);

        String dom = Chromium.dumpDom(report, dir);

        assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-errors=\"true\"");
        assertThat(errors(dom)).isEmpty();
        Matcher status = Pattern.compile("id=\"status\">rendered (\\d+) messages<").matcher(dom);
        assertThat(status.find()).as(dom).isTrue();
        int messages = Integer.parseInt(status.group(1));
        assertThat(messages).as("8 handshake messages, 2 ChangeCipherSpec, data both ways").isGreaterThanOrEqualTo(12);
        assertThat(count(dom, "<g class=\"arrow ")).isEqualTo(messages);
        assertThat(count(dom, "<g class=\"arrow client enc\"")).isGreaterThanOrEqualTo(2);
        assertThat(dom).contains("<details class=\"message client\" id=\"message-", "ServerKeyExchange",
                "ecdsa_secp256r1_sha256", "Handshake Test Root CA", ">trust anchor", "\u2713 signature matches</text>",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "forward secrecy")
            .doesNotContainPattern("(src|href)\\s*=\\s*\"?https?:");
    }

    @Test
    void aTls13ReportDrawsWhatTravelledEncryptedDashed() throws Exception {
        Path report = dir.resolve("client13.html");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--report", report.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();

        String dom = Chromium.dumpDom(report, dir);

        assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-errors=\"true\"");
        assertThat(errors(dom)).isEmpty();
        assertThat(arrows(dom)).as("flight 1: ClientHello; flight 2: ServerHello in the clear, the rest encrypted")
            .startsWith("client ClientHello", "server ServerHello", "server ChangeCipherSpec", "server enc EncryptedExtensions",
                "server enc Certificate", "server enc CertificateVerify", "server enc Finished")
            .contains("client ChangeCipherSpec", "client enc Finished", "server enc NewSessionTicket");
        assertThat(dom).contains("TLS_AES_128_GCM_SHA256", "ecdsa_secp256r1_sha256", "x25519",
            "1 round trip before the client could send its request: TLS 1.3", "full handshake; 2 session tickets",
            "client_handshake_traffic_secret", "64 spaces (0x20)", ">trust anchor", "\u2713 signature matches</text>");
    }

    @Test
    void aServerThatCheckedAClientCertificateDrawsTheClientsChain() throws Exception {
        PemFiles client = TestPki.of(KeyType.ECDSA_P256).client().writePem(dir);
        Path serverReports = dir.resolve("server.html");
        Path clientReports = dir.resolve("client.html");
        try (RunningServe checking = RunningServe.start("--cert", files.chain().toString(), "--key", files.key().toString(),
                "--require-client-cert", "--client-ca", files.root().toString(), "--report", serverReports.toString())) {
            Cli cli = Cli.run("connect", checking.address(), "--trust", files.root().toString(), "--reconnect", "1",
                "--client-cert", client.chain().toString(), "--client-key", client.key().toString(),
                "--report", clientReports.toString());
            assertThat(cli.exitCode()).as(cli.all()).isZero();
            assertThat(cli.err()).contains("report: " + dir.resolve("client-1.html"), "report: "
                + dir.resolve("client-2.html"));
            checking.awaitLog("report: " + dir.resolve("server-1.html"));

            String dom = Chromium.dumpDom(dir.resolve("server-1.html"), dir);

            assertThat(dom).contains("data-rendered=\"true\"", "seen from the server").doesNotContain("data-errors=\"true\"");
            assertThat(dom).contains("Handshake Test Client", "the client\u2019s certificate, sent by the client", ">trust anchor",
                "CertificateRequest");
        }
    }

    @Test
    void theServerWritesAReportPerConnectionThatRendersToo() throws Exception {
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        serve.awaitLog("report: " + dir.resolve("server-"));
        Matcher written = Pattern.compile("report: (\\S*server-\\d+\\.html)").matcher(serve.log());
        assertThat(written.find()).isTrue();

        String dom = Chromium.dumpDom(Path.of(written.group(1)), dir);

        assertThat(dom).contains("data-rendered=\"true\"", "seen from the server").doesNotContain("data-errors=\"true\"");
        assertThat(errors(dom)).isEmpty();
        assertThat(dom).as("the chain the server sent; the server checked none").contains("sent by the server", "not checked")
            .doesNotContain(">trust anchor");
    }

    @Test
    void aScreenshotShowsTheReport() throws Exception {
        Path report = dir.resolve("screenshot.html");
        Cli cli = Cli.run("connect", serve.address(), "--trust", files.root().toString(), "--report", report.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        Path png = dir.resolve("report.png");

        Chromium.screenshot(report, png, 1000, 1400, dir);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static String errors(String dom) {
        Matcher errors = Pattern.compile("<pre id=\"errors\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(errors.find()).as("the errors element in %s", dom).isTrue();
        return errors.group(1);
    }

    /** Each arrow of the diagram as its classes (sender, "enc" when encrypted) and the message's name. */
    private static List<String> arrows(String dom) {
        Matcher arrow = Pattern.compile(
            "<g class=\"arrow (client|server)( enc)?\"[^>]*>(?:(?!</g>).)*?<text[^>]*>([^<]+?)  \\(")
            .matcher(dom);
        List<String> arrows = new ArrayList<>();
        while (arrow.find()) {
            arrows.add(arrow.group(1) + (arrow.group(2) != null ? " enc " : " ") + arrow.group(3));
        }
        return arrows;
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
