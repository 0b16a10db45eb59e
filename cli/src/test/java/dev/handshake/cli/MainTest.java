package dev.handshake.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void withoutArgumentsPrintsTheCommands() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("demo", "connect", "serve");
    }

    @Test
    void serveNeedsAKeyForEachCertificate() {
        Cli cli = Cli.run("serve", "--port", "0", "--cert", "a.pem", "--cert", "b.pem", "--key", "a-key.pem");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("give one --key for each --cert");
    }

    @Test
    void serveWithAnUnreadableCertificateIsAUsageError() {
        Cli cli = Cli.run("serve", "--port", "0", "--cert", "does-not-exist.pem", "--key", "key.pem");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("does-not-exist.pem");
    }

    @Test
    void hostPortNeedsBoth() {
        Cli noPort = Cli.run("connect", "localhost", "--insecure");
        Cli badPort = Cli.run("connect", "localhost:99999", "--insecure");

        assertThat(noPort.exitCode()).isEqualTo(2);
        assertThat(noPort.err()).contains("'localhost' is not HOST:PORT");
        assertThat(badPort.exitCode()).isEqualTo(2);
    }

    @Test
    void hostPortTakesBracketedIpv6() {
        assertThat(new HostPort.Converter().convert("[::1]:8443")).isEqualTo(new HostPort("::1", 8443));
        assertThat(new HostPort.Converter().convert("example.com:443")).isEqualTo(new HostPort("example.com", 443));
    }
}
