package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever is sent, validate returns a result: no exception, no endless work. */
class HostileInputTest {

    private final Pki pki = new Pki();

    @Test
    void aCycleOfCrossSignedCertificatesEndsAsUnknownIssuer() {
        KeyPair a = TestKeys.rsa();
        KeyPair b = TestKeys.rsa();
        CertificateBuilder.Issued aByB = CertificateBuilder.ca("CN=A").keys(a).issuedBy("CN=B", b).keyIdentifiers(false).build();
        CertificateBuilder.Issued bByA = CertificateBuilder.ca("CN=B").keys(b).issuedBy("CN=A", a).keyIdentifiers(false).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(aByB).build();
        ValidationResult result = pki.validate(leaf, aByB, bByA);
        assertFails(result, FailureCode.UNKNOWN_ISSUER, 2);
        assertThat(result.path()).hasSize(3);
    }

    @Test
    void aMeshOfSameNamedCertificatesHitsTheWorkLimit() {
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(TestKeys.rsa());
        }
        List<CertificateBuilder.Issued> mesh = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                mesh.add(CertificateBuilder.ca("CN=Mesh").keys(keys.get(i)).issuedBy("CN=Mesh", keys.get((i + j + 1) % 6))
                    .keyIdentifiers(false).build());
            }
        }
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy("CN=Mesh", keys.get(0))
            .keyIdentifiers(false).build();
        ValidationResult result = Pki.validate(pki.validator().maxSignatureChecks(20).build(), leaf,
            mesh.toArray(CertificateBuilder.Issued[]::new));
        assertThat(result.valid()).isFalse();
        assertThat(result.failure()).as(result.toString()).isEqualTo(FailureCode.WORK_LIMIT_EXCEEDED);
    }

    @Test
    void tooManyIntermediatesAreRefusedBeforeAnyWork() {
        List<CertificateBuilder.Issued> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(pki.intermediate);
        }
        ValidationResult result = Pki.validate(pki.validator().build(), pki.leaf, many.toArray(CertificateBuilder.Issued[]::new));
        assertFails(result, FailureCode.TOO_MANY_INTERMEDIATES, -1);
    }

    @Test
    void aHugeCertificateIsRefused() {
        String[] names = new String[4000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "host-number-" + i + ".example.com";
        }
        CertificateBuilder.Issued huge = CertificateBuilder.leaf(names).issuedBy(pki.intermediate).build();
        assertThat(huge.der().length).isGreaterThan(ParsedCertificate.MAX_ENCODED_LENGTH);
        ValidationResult result = pki.validate(huge, pki.intermediate);
        assertFails(result, FailureCode.MALFORMED_CERTIFICATE, 0);
        assertThat(result.message()).contains("bytes, more than");
        ValidationResult asDer = pki.validator().build().validate(huge.der(), List.of(), null, KeyPurpose.SERVER_AUTH);
        assertFails(asDer, FailureCode.MALFORMED_CERTIFICATE, -1);
    }

    @Test
    void randomBytesAndMutatedCertificatesNeverThrow() {
        PathValidator validator = pki.validator().build();
        Random random = new Random(42);
        byte[] good = pki.leaf.der();
        for (int i = 0; i < 300; i++) {
            byte[] mutated = good.clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
            ValidationResult result = validator.validate(mutated, List.of(pki.intermediate.der()),
                ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
            assertThat(result.message()).isNotBlank();
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            assertThat(validator.validate(noise, List.of(noise), null, KeyPurpose.CLIENT_AUTH).valid()).isFalse();
        }
        for (int length = 0; length < good.length; length += 37) {
            byte[] truncated = java.util.Arrays.copyOf(good, length);
            assertThat(validator.validate(truncated, List.of(), null, KeyPurpose.SERVER_AUTH).valid()).isFalse();
        }
    }

    @Test
    void aLengthThatClaimsMoreThanTheInputIsRefusedByTheReader() {
        DerReader reader = new DerReader(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0});
        org.assertj.core.api.Assertions.assertThatThrownBy(reader::next).isInstanceOf(java.io.IOException.class)
            .hasMessageContaining("claims");
    }
}
