package dev.handshake.tls.crypto;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HKDF against the SHA-256 test cases of RFC 5869 Appendix A, and HKDF-Expand-Label against the
 * HkdfLabel ("info") bytes RFC 8448 §3 prints next to each derivation.
 */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    private final Hkdf hkdf = hkdf(HashAlgorithm.SHA256);

    private static Hkdf hkdf(HashAlgorithm hash) {
        try {
            return new Hkdf(hash, CryptoProvider.jca());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rfc5869TestCase1BasicSha256() throws Exception {
        byte[] prk = hkdf.extract(HEX.parseHex("000102030405060708090a0b0c"),
            HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertThat(HEX.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(hkdf.expand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42))).isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc5869TestCase2LongerInputsAndOutputs() throws Exception {
        byte[] ikm = range(0x00, 80);
        byte[] salt = range(0x60, 80);
        byte[] info = range(0xb0, 80);
        byte[] prk = hkdf.extract(salt, ikm);
        assertThat(HEX.formatHex(prk)).isEqualTo("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
        assertThat(HEX.formatHex(hkdf.expand(prk, info, 82))).isEqualTo(
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc5869TestCase3EmptySaltAndInfo() throws Exception {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] prk = hkdf.extract(new byte[0], ikm);
        assertThat(HEX.formatHex(prk)).isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(hkdf.extract(null, ikm)).isEqualTo(prk);
        assertThat(HEX.formatHex(hkdf.expand(prk, new byte[0], 42))).isEqualTo(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void expandLabelEncodesHkdfLabelAsRfc8448Shows() throws Exception {
        // RFC 8448 §3, {server} derive secret "tls13 c hs traffic": PRK, hash and info.
        byte[] prk = HEX.parseHex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");
        byte[] hash = HEX.parseHex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
        byte[] info = HEX.parseHex("002012746c7331332063206873207472616666696320"
            + "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
        assertThat(hkdf.expandLabel(prk, "c hs traffic", hash, 32)).isEqualTo(hkdf.expand(prk, info, 32));
        assertThat(hkdf.deriveSecret(prk, "c hs traffic", hash)).isEqualTo(hkdf.expand(prk, info, 32));

        // {server} derive write traffic keys for handshake data: the "key" and "iv" infos, empty context.
        assertThat(hkdf.expandLabel(prk, "key", new byte[0], 16))
            .isEqualTo(hkdf.expand(prk, HEX.parseHex("001009746c733133206b657900"), 16));
        assertThat(hkdf.expandLabel(prk, "iv", new byte[0], 12))
            .isEqualTo(hkdf.expand(prk, HEX.parseHex("000c08746c73313320697600"), 12));
    }

    @Test
    void deriveSecretIsAsLongAsTheHash() throws Exception {
        Hkdf sha384 = hkdf(HashAlgorithm.SHA384);
        assertThat(sha384.deriveSecret(new byte[48], "derived", new byte[48])).hasSize(48);
        assertThat(sha384.extract(null, new byte[48])).hasSize(48);
    }

    @Test
    void expandOutputsAtMost255Blocks() throws Exception {
        assertThat(hkdf.expand(new byte[32], new byte[0], 255 * 32)).hasSize(255 * 32);
        assertThatThrownBy(() -> hkdf.expand(new byte[32], new byte[0], 255 * 32 + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expandLabelRejectsWhatHkdfLabelCannotEncode() {
        assertThatThrownBy(() -> hkdf.expandLabel(new byte[32], "x".repeat(250), new byte[0], 32))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hkdf.expandLabel(new byte[32], "key", new byte[256], 32))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hmacIsRfc4231TestCase2() throws Exception {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
        assertThat(HEX.formatHex(hkdf.hmac("Jefe".getBytes(), "what do ya want for nothing?".getBytes())))
            .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    private static byte[] range(int first, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }
}
