package dev.handshake.pki;

import static dev.handshake.pki.Pki.assertFails;
import static dev.handshake.pki.Pki.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.9 and §6.1.4 (k), (l), (m): issuers are CAs, within their pathLenConstraint. */
class BasicConstraintsTest {

    private final Pki pki = new Pki();

    @Test
    void rejectsAnIssuerWithoutBasicConstraints() {
        CertificateBuilder.Issued notCa = CertificateBuilder.ca("CN=Not A CA").noBasicConstraints().noKeyUsage()
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(notCa).build();
        ValidationResult result = pki.validate(leaf, notCa);
        assertFails(result, FailureCode.NOT_A_CA, 1);
        assertThat(result.message()).contains("is not a CA");
    }

    @Test
    void rejectsALeafUsedAsAnIssuer() {
        CertificateBuilder.Issued fakeCa = CertificateBuilder.leaf("evil.example").basicConstraints(false, -1)
            .issuedBy(pki.intermediate).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").subject("CN=victim")
            .issuedBy(fakeCa).build();
        assertFails(pki.validate(leaf, fakeCa, pki.intermediate), FailureCode.NOT_A_CA, 1);
    }

    @Test
    void pathLenZeroAllowsLeavesButNoFurtherIntermediate() {
        CertificateBuilder.Issued zero = CertificateBuilder.ca("CN=PathLen Zero").basicConstraints(true, 0)
            .issuedBy(pki.root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(zero).build();
        assertValid(pki.validate(leaf, zero));
        CertificateBuilder.Issued sub = CertificateBuilder.ca("CN=Sub").issuedBy(zero).build();
        CertificateBuilder.Issued deepLeaf = CertificateBuilder.leaf("example.com").issuedBy(sub).build();
        ValidationResult result = pki.validate(deepLeaf, sub, zero);
        assertFails(result, FailureCode.PATH_LENGTH_EXCEEDED, 2);
        assertThat(result.message()).contains("allows 0 intermediate(s)").contains("has 1");
    }

    @Test
    void theTrustAnchorsPathLenConstraintApplies() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Strict Root").basicConstraints(true, 0).build();
        CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=CA").issuedBy(root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(ca).build();
        PathValidator validator = Pki.trusting(root);
        assertFails(Pki.validate(validator, leaf, ca), FailureCode.PATH_LENGTH_EXCEEDED, 2);
        CertificateBuilder.Issued direct = CertificateBuilder.leaf("example.com").issuedBy(root).build();
        assertValid(Pki.validate(validator, direct));
    }

    @Test
    void aTrustAnchorThatSaysItIsNoCaIssuesNothing() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Not Really A Root").basicConstraints(false, -1)
            .noKeyUsage().build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(root).build();
        assertFails(Pki.validate(Pki.trusting(root), leaf), FailureCode.NOT_A_CA, 1);
        CertificateBuilder.Issued v1Style = CertificateBuilder.ca("CN=Old Style Root").noBasicConstraints().noKeyUsage()
            .build();
        assertValid(Pki.validate(Pki.trusting(v1Style), CertificateBuilder.leaf("example.com").issuedBy(v1Style).build()));
    }

    @Test
    void selfIssuedIntermediatesDoNotCountTowardsPathLength() {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Rollover Root").basicConstraints(true, 0).build();
        CertificateBuilder.Issued rolled = CertificateBuilder.ca("CN=Rollover Root").issuedBy(root).build();
        CertificateBuilder.Issued leaf = CertificateBuilder.leaf("example.com").issuedBy(rolled).build();
        PathValidator validator = Pki.trusting(root);
        ValidationResult result = Pki.validate(validator, leaf, rolled);
        assertValid(result);
        assertThat(result.path()).hasSize(3);
    }
}
