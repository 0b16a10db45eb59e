package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A self-signed leaf is refused unless pinned, that is, one of the trust anchors itself. */
class SelfSignedTest {

    private final CertificateBuilder.Issued selfSigned = CertificateBuilder.leaf("example.com").build();
    private final Pki pki = new Pki();

    @Test
    void rejectsASelfSignedLeaf() {
        ValidationResult result = pki.validate(selfSigned);
        assertFails(result, FailureCode.SELF_SIGNED, 0);
        assertThat(result.message()).contains("pin it");
    }

    @Test
    void acceptsAPinnedSelfSignedLeaf() {
        PathValidator pinned = Pki.trusting(selfSigned);
        ValidationResult result = Pki.validate(pinned, selfSigned);
        assertValid(result);
        assertThat(result.path()).containsExactly(selfSigned.certificate());
    }

    @Test
    void aPinnedLeafIsStillCheckedForTimeAndName() {
        CertificateBuilder.Issued expired = CertificateBuilder.leaf("example.com")
            .validity(CertificateBuilder.NOW.minus(Duration.ofDays(10)), CertificateBuilder.NOW.minus(Duration.ofDays(1)))
            .build();
        PathValidator pinned = Pki.trusting(expired, selfSigned);
        assertFails(Pki.validate(pinned, expired), FailureCode.EXPIRED, 0);
        ValidationResult wrongName = pinned.validate(selfSigned.certificate(), List.of(), ServerIdentity.of("other.com"),
            KeyPurpose.SERVER_AUTH);
        assertFails(wrongName, FailureCode.NAME_MISMATCH, 0);
    }
}
