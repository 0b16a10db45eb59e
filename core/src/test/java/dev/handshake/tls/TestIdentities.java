package dev.handshake.tls;

import dev.handshake.testkit.KeyType;
import dev.handshake.testkit.TestPki;

/** Server credentials for the engine tests: root → intermediate → leaf hierarchies from the test kit. */
final class TestIdentities {

    static final Credential RSA = TestPki.of(KeyType.RSA_2048).server().credential();
    static final Credential EC = TestPki.of(KeyType.ECDSA_P256).server().credential();

    private TestIdentities() {
    }

    /** A credential from a hierarchy of its own, trusted by nothing the others are trusted by. */
    static Credential other() {
        return TestPki.of(TestPki.Spec.of(KeyType.RSA_2048).withExtraDnsNames("other.test")).server().credential();
    }
}
