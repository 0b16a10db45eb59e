package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of a validation, as an explanation would show them. */
class ValidationListenerTest {

    private final Pki pki = new Pki();

    private List<ValidationStep> steps(CertificateBuilder.Issued leaf) {
        List<ValidationStep> steps = new ArrayList<>();
        Pki.validate(pki.validator().listener(steps::add).build(), leaf, pki.intermediate);
        return steps;
    }

    @Test
    void explainsEachSignatureWithTheHashes() {
        List<ValidationStep> steps = steps(pki.leaf);
        List<ValidationStep.SignatureChecked> signatures = steps.stream()
            .filter(ValidationStep.SignatureChecked.class::isInstance).map(ValidationStep.SignatureChecked.class::cast).toList();
        assertThat(signatures).hasSize(2).allSatisfy(step -> {
            assertThat(step.matches()).isTrue();
            assertThat(step.algorithm()).isEqualTo("sha256WithRSAEncryption");
            assertThat(step.tbsHash()).hasSize(32).isEqualTo(step.signedHash());
        });
        assertThat(signatures.get(0).describe()).startsWith(
            "'CN=example.com' was signed by 'O=Handshake,CN=Test Intermediate' with sha256WithRSAEncryption: signature matches");
        assertThat(steps.get(steps.size() - 1)).isInstanceOf(ValidationStep.PathAccepted.class);
        assertThat(steps).anySatisfy(step -> assertThat(step).isInstanceOf(ValidationStep.ValidityChecked.class));
        assertThat(steps).anySatisfy(step -> assertThat(step.describe()).contains("basicConstraints: ok"));
        assertThat(steps).anySatisfy(step -> assertThat(step.describe()).contains("subjectAltName: ok"));
    }

    @Test
    void explainsAMismatchAndTheRejection() {
        CertificateBuilder.Issued forged = CertificateBuilder.leaf("example.com").issuedBy(pki.intermediate)
            .corruptSignature().build();
        List<ValidationStep> steps = steps(forged);
        ValidationStep.SignatureChecked check = steps.stream().filter(ValidationStep.SignatureChecked.class::isInstance)
            .map(ValidationStep.SignatureChecked.class::cast).findFirst().orElseThrow();
        assertThat(check.matches()).isFalse();
        assertThat(check.describe()).contains("signature does NOT match");
        CertificateBuilder.Issued wrongName = CertificateBuilder.leaf("example.org").issuedBy(pki.intermediate).build();
        assertThat(steps(wrongName)).anySatisfy(step -> assertThat(step).isInstanceOf(ValidationStep.PathRejected.class));
    }

    @Test
    void ecdsaStepsCarryTheTbsHashOnly() {
        CertificateBuilder.Issued ecCa = CertificateBuilder.ca("CN=EC CA").keys(TestKeys.ec("secp256r1")).issuedBy(pki.root)
            .build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").signatureAlgorithm("SHA256withECDSA")
            .issuedBy(ecCa).build();
        List<ValidationStep> steps = new ArrayList<>();
        Pki.validate(pki.validator().listener(steps::add).build(), leaf, ecCa);
        assertThat(steps).filteredOn(ValidationStep.SignatureChecked.class::isInstance)
            .map(ValidationStep.SignatureChecked.class::cast)
            .anySatisfy(step -> {
                assertThat(step.algorithm()).isEqualTo("ecdsa-with-SHA256");
                assertThat(step.tbsHash()).hasSize(32);
                assertThat(step.signedHash()).isNull();
            });
    }
}
