package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathValidatorTest {

    private final Pki pki = new Pki();

    @Test
    void acceptsAThreeCertificateChainAndReportsThePath() {
        ValidationResult result = pki.validate(pki.leaf, pki.intermediate);
        assertValid(result);
        assertThat(result.path()).containsExactly(pki.leaf.certificate(), pki.intermediate.certificate(),
            pki.root.certificate());
        assertThat(result.certificateIndex()).isEqualTo(-1);
    }

    @Test
    void rejectsAChainWithoutItsIntermediateAsUnknownIssuer() {
        ValidationResult result = pki.validate(pki.leaf);
        assertFails(result, FailureCode.UNKNOWN_ISSUER, 0);
        assertThat(result.message()).contains("CN=Test Intermediate").contains("missing an intermediate");
    }

    @Test
    void rejectsAChainUnderAnotherRoot() {
        Pki other = new Pki();
        ValidationResult result = Pki.validate(other.validator().build(), pki.leaf, pki.intermediate);
        assertFails(result, FailureCode.UNKNOWN_ISSUER, 1);
        ValidationResult withRoot = Pki.validate(other.validator().build(), pki.leaf, pki.intermediate, pki.root);
        assertFails(withRoot, FailureCode.UNKNOWN_ISSUER, 2);
        assertThat(withRoot.message()).contains("is a root that is not among the trust anchors");
    }

    @Test
    void acceptsDerInputAndRejectsGarbageDerAsAResult() {
        PathValidator validator = pki.validator().build();
        ValidationResult good = validator.validate(pki.leaf.der(), List.of(pki.intermediate.der()),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertValid(good);
        ValidationResult garbage = validator.validate(new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f, 1},
            List.of(), ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertFails(garbage, FailureCode.MALFORMED_CERTIFICATE, -1);
        assertThat(garbage.message()).contains("not a DER X.509 certificate");
    }

    @Test
    void garbageAmongTheIntermediatesIsPassedOverAndMentioned() {
        PathValidator validator = pki.validator().build();
        ValidationResult good = validator.validate(pki.leaf.der(), List.of(new byte[] {1, 2, 3}, pki.intermediate.der()),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertValid(good);
        ValidationResult missing = validator.validate(pki.leaf.der(), List.of(new byte[] {1, 2, 3}),
            ServerIdentity.of("example.com"), KeyPurpose.SERVER_AUTH);
        assertFails(missing, FailureCode.UNKNOWN_ISSUER, 0);
        assertThat(missing.message()).contains("intermediate #1 is not a DER X.509 certificate");
    }

    @Test
    void nullInputsAreFailuresNotExceptions() {
        PathValidator validator = pki.validator().build();
        assertFails(validator.validate((java.security.cert.X509Certificate) null, null, null, KeyPurpose.SERVER_AUTH),
            FailureCode.INVALID_INPUT, -1);
        assertFails(validator.validate(pki.leaf.certificate(), null, null, null), FailureCode.INVALID_INPUT, -1);
        assertFails(validator.validate((byte[]) null, null, null, KeyPurpose.SERVER_AUTH),
            FailureCode.MALFORMED_CERTIFICATE, -1);
        assertValid(validator.validate(pki.leaf.certificate(), java.util.Arrays.asList(null, pki.intermediate.certificate()),
            null, KeyPurpose.SERVER_AUTH));
    }

    @Test
    void withoutAValidationTimeEveryValidationFails() {
        PathValidator validator = PathValidator.builder(pki.anchors()).build();
        ValidationResult result = Pki.validate(validator, pki.leaf, pki.intermediate);
        assertFails(result, FailureCode.INVALID_INPUT, -1);
        assertThat(result.message()).contains("validation time");
    }

    @Test
    void theChainOverloadTakesTheLeafFirst() {
        ValidationResult result = pki.validator().build().validate(
            List.of(pki.leaf.certificate(), pki.intermediate.certificate()), ServerIdentity.of("example.com"),
            KeyPurpose.SERVER_AUTH);
        assertValid(result);
        assertFails(pki.validator().build().validate(List.of(), null, KeyPurpose.SERVER_AUTH), FailureCode.INVALID_INPUT, -1);
    }

    @Test
    void toBuilderKeepsTheOptions() {
        PathValidator validator = pki.validator().maxDepth(2).build();
        PathValidator derived = validator.toBuilder().build();
        assertFails(Pki.validate(derived, pki.leaf, pki.intermediate), FailureCode.PATH_TOO_LONG, 1);
        assertValid(Pki.validate(derived.toBuilder().maxDepth(3).build(), pki.leaf, pki.intermediate));
    }
}
