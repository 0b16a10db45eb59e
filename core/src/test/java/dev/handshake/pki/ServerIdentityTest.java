package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerIdentityTest {

    @Test
    void readsDnsNames() {
        assertThat(ServerIdentity.of("WWW.Example.com.")).isEqualTo(new ServerIdentity.Dns("www.example.com"));
        assertThat(ServerIdentity.of("b\u00fccher.example")).isEqualTo(new ServerIdentity.Dns("xn--bcher-kva.example"));
    }

    @Test
    void readsIpAddresses() {
        assertThat(ServerIdentity.of("192.0.2.1")).isEqualTo(new ServerIdentity.Ip(new byte[] {(byte) 192, 0, 2, 1}));
        assertThat(ServerIdentity.of("[::1]").toString()).isEqualTo("::1");
        assertThat(ServerIdentity.of("2001:db8:0:0:1:0:0:1").toString()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ServerIdentity.of("::ffff:192.0.2.1")).isInstanceOf(ServerIdentity.Ip.class);
    }

    @Test
    void refusesWhatIsNeitherName() {
        for (String bad : new String[] {"", "1.2.3", "256.1.1.1", "01.2.3.4", "a..b", "-a.example", "1::2::3", "[::1",
            "under_score.example", "1:2:3:4:5:6:7:8:9"}) {
            assertThatThrownBy(() -> ServerIdentity.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
