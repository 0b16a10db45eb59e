package dev.handshake.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

/**
 * Issues certificates shaped like a web PKI's with Bouncy Castle's builders. Keys are generated and
 * certificates signed by the JDK's own providers; Bouncy Castle is not registered as a provider.
 * Every certificate is valid from a day ago to 30 days from now.
 */
final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration LIFETIME = Duration.ofDays(30);

    private CertificateIssuer() {
    }

    /** The signing side of a certificate: whose name goes in "issuer" and which key signs. */
    private record Signer(X500Name name, KeyPair keys, KeyType keyType) {
        static Signer of(CertifiedKey authority) {
            X509Certificate certificate = authority.certificate();
            X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            return new Signer(name, authority.keyPair(), authority.keyType());
        }
    }

    private interface ExtensionWriter {
        void addTo(X509v3CertificateBuilder builder) throws IOException;
    }

    static CertifiedKey root(String commonName, KeyType keyType) {
        KeyPair keys = keyType.generate();
        Signer self = new Signer(name(commonName), keys, keyType);
        return certify(self.name(), keys, keyType, self, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, caKeyUsage());
        });
    }

    static CertifiedKey intermediate(String commonName, KeyType keyType, CertifiedKey issuer) {
        return certify(name(commonName), keyType.generate(), keyType, Signer.of(issuer), builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, caKeyUsage());
        });
    }

    /** A certificate for localhost and 127.0.0.1 (and the extra DNS names), for servers and clients. */
    static CertifiedKey server(KeyType keyType, List<String> extraDnsNames, CertifiedKey issuer) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        extraDnsNames.forEach(dnsName -> names.add(new GeneralName(GeneralName.dNSName, dnsName)));
        GeneralNames alternativeNames = new GeneralNames(names.toArray(GeneralName[]::new));
        return endEntity("localhost", keyType, issuer, builder -> {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        });
    }

    static CertifiedKey client(String commonName, KeyType keyType, CertifiedKey issuer) {
        return endEntity(commonName, keyType, issuer, builder -> builder.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    }

    private static CertifiedKey endEntity(String commonName, KeyType keyType, CertifiedKey issuer,
            ExtensionWriter purpose) {
        // TLS 1.2 RSA key exchange (TLS_RSA_* suites) encrypts the premaster secret to the leaf key.
        int usage = keyType == KeyType.RSA_2048
            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
            : KeyUsage.digitalSignature;
        return certify(name(commonName), keyType.generate(), keyType, Signer.of(issuer), builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            purpose.addTo(builder);
        });
    }

    /** Builds the certificate with key identifiers and the given extensions, signed by the signer. */
    private static CertifiedKey certify(X500Name subject, KeyPair keys, KeyType keyType, Signer signer,
            ExtensionWriter extensions) {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(signer.name(),
            new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(LIFETIME)), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(signer.keys().getPublic()));
            extensions.addTo(builder);
            var contentSigner = new JcaContentSignerBuilder(signer.keyType().signatureAlgorithm())
                .build(signer.keys().getPrivate());
            X509Certificate certificate =
                new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
            return new CertifiedKey(certificate, keys, keyType);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue a test certificate for " + subject, e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=Handshake Test");
    }

    private static KeyUsage caKeyUsage() {
        return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }
}
