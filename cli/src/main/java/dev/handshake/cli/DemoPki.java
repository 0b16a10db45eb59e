package dev.handshake.cli;

import dev.handshake.tls.Credential;
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
 * A throwaway certificate hierarchy: root CA → intermediate CA → two server certificates for
 * {@code localhost} and {@code 127.0.0.1}, one with an RSA 2048 key and one with an ECDSA P-256
 * key. Bouncy Castle builds the certificates; the JDK's providers make the keys and signatures.
 *
 * @param rsaServer the RSA server certificate and the intermediate, with the RSA key
 * @param ecServer the ECDSA server certificate and the intermediate, with the EC key
 */
record DemoPki(X509Certificate root, X509Certificate intermediate, Credential rsaServer, Credential ecServer) {

    private static final Duration VALIDITY = Duration.ofDays(7);
    /** Leeway for a peer whose clock is a little behind. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    /** A key pair and the certificate issued for it. */
    private record Issued(X509Certificate certificate, KeyPair keys) {
    }

    static DemoPki generate(Instant now) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        Issued root = issue(null, rsa(random), "CN=Handshake Demo Root CA", ca(-1), now, random);
        Issued intermediate = issue(root, rsa(random), "CN=Handshake Demo Intermediate CA", ca(0), now, random);
        Issued rsaServer = issue(intermediate, rsa(random), "CN=localhost",
            server(KeyUsage.digitalSignature | KeyUsage.keyEncipherment), now, random);
        Issued ecServer = issue(intermediate, ec(random), "CN=localhost", server(KeyUsage.digitalSignature), now, random);
        return new DemoPki(root.certificate(), intermediate.certificate(),
            credential(rsaServer, intermediate), credential(ecServer, intermediate));
    }

    /** The extensions a certificate gets, besides the key identifiers. */
    private interface Profile {
        void addTo(X509v3CertificateBuilder builder) throws IOException;
    }

    /** A CA certificate; {@code pathLength} -1 for no limit. */
    private static Profile ca(int pathLength) {
        return builder -> {
            builder.addExtension(Extension.basicConstraints, true,
                pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        };
    }

    /** A TLS server certificate for localhost and 127.0.0.1 (RFC 5280 §4.2.1.6). */
    private static Profile server(int keyUsage) {
        return builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        };
    }

    /** Issues a certificate for {@code keys}, signed by {@code issuer}, or self-signed when it is null. */
    private static Issued issue(Issued issuer, KeyPair keys, String subject, Profile profile, Instant now,
                                SecureRandom random) throws GeneralSecurityException, IOException {
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer != null
            ? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()) : subjectName;
        KeyPair signer = issuer != null ? issuer.keys() : keys;
        JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
            new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)),
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

    private static Credential credential(Issued server, Issued intermediate) {
        return new Credential(List.of(server.certificate(), intermediate.certificate()), server.keys().getPrivate());
    }

    private static KeyPair rsa(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }
}
