package dev.handshake.testkit;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A certificate together with the key pair it certifies and that key's type. */
record CertifiedKey(X509Certificate certificate, KeyPair keyPair, KeyType keyType) {
}
