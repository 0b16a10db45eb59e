package dev.handshake.cli;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Makes the certificates of a small hierarchy: root CA, intermediate CA, server certificates for
 * given names. Bouncy Castle builds the certificates; the JDK's providers make keys and signatures.
 */
final class CertificateMaker {

    /** Leeway for a peer whose clock is a little behind. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    /** A key pair and the certificate issued for it. */
    record Issued(X509Certificate certificate, KeyPair keys) {
    }

    /** The extensions a certificate gets, besides the key identifiers. */
    interface Profile {
        void addTo(X509v3CertificateBuilder builder) throws IOException;
    }

    private final Instant now;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    CertificateMaker(Instant now, Duration validity) {
        this.now = now;
        this.validity = validity;
    }

    /** A CA certificate; {@code pathLength} -1 for no limit. */
    static Profile ca(int pathLength) {
        return builder -> {
            builder.addExtension(Extension.basicConstraints, true,
                pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        };
    }

    /**
     * A TLS server certificate for these DNS names and IP addresses (RFC 5280 §4.2.1.6). RSA keys
     * may also encipher, for the RSA key exchange.
     */
    static Profile server(KeyPair keys, List<String> hosts) {
        int usage = keys.getPublic().getAlgorithm().equals("RSA")
            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        GeneralName[] names = hosts.stream()
            .map(host -> new GeneralName(isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
            .toArray(GeneralName[]::new);
        return builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        };
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal rather than a DNS name. */
    static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** Issues a certificate for {@code keys}, signed by {@code issuer}, or self-signed when it is null. */
    Issued issue(Issued issuer, KeyPair keys, String subject, Profile profile) throws GeneralSecurityException, IOException {
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer != null
            ? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()) : subjectName;
        KeyPair signer = issuer != null ? issuer.keys() : keys;
        JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
            new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)),
            subjectName, keys.getPublic());
        builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(signer.getPublic()));
        profile.addTo(builder);
        String algorithm = signer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
            return new Issued(certificate, keys);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate for " + subject, e);
        }
    }

    KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }
}
