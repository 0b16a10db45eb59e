package dev.handshake.tls.crypto;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers for the TLS 1.2 PRF: the P_SHA256 vector published on the TLS WG list, and P_SHA384 from OpenSSL's TLS1-PRF. */
class PrfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha256() throws Exception {
        byte[] out = new Prf(HashAlgorithm.SHA256, CryptoProvider.jca()).compute(
            HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
            HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertThat(HEX.formatHex(out)).isEqualTo(
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                + "87347b66");
    }

    @Test
    void sha384() throws Exception {
        byte[] out = new Prf(HashAlgorithm.SHA384, CryptoProvider.jca()).compute(
            HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df"), "test label",
            HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
        assertThat(HEX.formatHex(out)).isEqualTo(
            "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cde9ca0faa60be9fe34f82b1233c9146a0"
                + "e534cb400fed2700884f9dc236f80edd8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d9184"
                + "259b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee691c8f3a26854308d5eaa3be85e09"
                + "90703d73e56f");
    }
}
