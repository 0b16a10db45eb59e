package dev.handshake.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Makes X.509 certificates for tests, byte by byte where needed, so that a test can also make the
 * malformed ones a validator must refuse (duplicate extensions, negative serials, v1 with
 * extensions, broken names). Defaults: RSA-2048, SHA-256, valid a year around {@link #NOW}, a CA
 * with basicConstraints and keyCertSign, or a leaf with serverAuth and digitalSignature.
 */
public final class CertificateBuilder {

    /** The fixed "now" of the tests. */
    public static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");

    /** A certificate, its key pair and its DER. {@code certificate} is null when the JDK refuses the DER. */
    public record Issued(X509Certificate certificate, KeyPair keys, byte[] der) {
        public X509Certificate cert() {
            return certificate;
        }
    }

    private final List<Extension> extensions = new ArrayList<>();
    private String subject;
    private X500Name issuerName;
    private PrivateKey issuerKey;
    private PublicKey issuerPublicKey;
    private KeyPair keys;
    private Instant notBefore = NOW.minus(Duration.ofDays(30));
    private Instant notAfter = NOW.plus(Duration.ofDays(365));
    private BigInteger serial = BigInteger.valueOf(System.nanoTime() & 0x7FFFFFFFFFFFL).add(BigInteger.ONE);
    private int version = 3;
    private String signatureAlgorithm = "SHA256withRSA";
    private boolean keyIdentifiers = true;
    private boolean corruptSignature;
    private boolean outerAlgorithmDiffers;

    private CertificateBuilder(String subject) {
        this.subject = subject;
    }

    /** A CA: basicConstraints cA (critical), keyUsage keyCertSign and cRLSign; self-signed unless issued. */
    public static CertificateBuilder ca(String subject) {
        return new CertificateBuilder(subject).basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN);
    }

    /** A TLS server leaf for these DNS names: serverAuth, digitalSignature and keyEncipherment. */
    public static CertificateBuilder leaf(String... dnsNames) {
        CertificateBuilder builder = new CertificateBuilder("CN=" + (dnsNames.length > 0 ? dnsNames[0] : "leaf"))
            .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
            .extendedKeyUsage(KeyPurpose.SERVER_AUTH.oid());
        if (dnsNames.length > 0) {
            builder.dnsNames(dnsNames);
        }
        return builder;
    }

    /** A certificate with no extensions at all but those added. */
    public static CertificateBuilder bare(String subject) {
        return new CertificateBuilder(subject).keyIdentifiers(false);
    }

    public CertificateBuilder subject(String dn) {
        this.subject = dn;
        return this;
    }

    public CertificateBuilder issuedBy(Issued issuer) {
        this.issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        this.issuerKey = issuer.keys().getPrivate();
        this.issuerPublicKey = issuer.keys().getPublic();
        return this;
    }

    /** Claims this issuer name but signs with another key. */
    public CertificateBuilder issuedBy(String issuerDn, KeyPair signer) {
        this.issuerName = new X500Name(issuerDn);
        this.issuerKey = signer.getPrivate();
        this.issuerPublicKey = signer.getPublic();
        return this;
    }

    public CertificateBuilder keys(KeyPair keys) {
        this.keys = keys;
        return this;
    }

    public CertificateBuilder validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    public CertificateBuilder serial(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    public CertificateBuilder version(int version) {
        this.version = version;
        return this;
    }

    /** A JCA name: SHA256withRSA, SHA1withRSA, SHA256withECDSA, Ed25519, RSASSA-PSS (SHA-256). */
    public CertificateBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    public CertificateBuilder keyIdentifiers(boolean on) {
        this.keyIdentifiers = on;
        return this;
    }

    public CertificateBuilder corruptSignature() {
        this.corruptSignature = true;
        return this;
    }

    public CertificateBuilder outerAlgorithmDiffers() {
        this.outerAlgorithmDiffers = true;
        return this;
    }

    /** Replaces basicConstraints; pathLen -1 for none. */
    public CertificateBuilder basicConstraints(boolean ca, int pathLen) {
        BasicConstraints value = !ca ? new BasicConstraints(false) : pathLen >= 0 ? new BasicConstraints(pathLen)
            : new BasicConstraints(true);
        return replace(Extension.basicConstraints, true, value);
    }

    public CertificateBuilder noBasicConstraints() {
        return remove(Extension.basicConstraints);
    }

    public CertificateBuilder keyUsage(KeyUsage... usages) {
        int mask = 0;
        for (KeyUsage usage : usages) {
            mask |= usage.ordinal() < 8 ? (0x80 >>> usage.ordinal()) : 0x8000;
        }
        return replace(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(mask));
    }

    public CertificateBuilder noKeyUsage() {
        return remove(Extension.keyUsage);
    }

    public CertificateBuilder extendedKeyUsage(String... oids) {
        KeyPurposeId[] purposes = new KeyPurposeId[oids.length];
        for (int i = 0; i < oids.length; i++) {
            purposes[i] = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oids[i]));
        }
        return replace(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    }

    public CertificateBuilder noExtendedKeyUsage() {
        return remove(Extension.extendedKeyUsage);
    }

    public CertificateBuilder dnsNames(String... names) {
        GeneralName[] general = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            general[i] = new GeneralName(GeneralName.dNSName, new DERIA5String(names[i], false));
        }
        return subjectAltNames(general);
    }

    public CertificateBuilder ipAddresses(String... addresses) {
        GeneralName[] general = new GeneralName[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            general[i] = new GeneralName(GeneralName.iPAddress, addresses[i]);
        }
        return subjectAltNames(general);
    }

    public CertificateBuilder subjectAltNames(GeneralName... names) {
        return replace(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    public CertificateBuilder noSubjectAltNames() {
        return remove(Extension.subjectAlternativeName);
    }

    /** subjectAltName with these raw contents inside its SEQUENCE, to make malformed names. */
    public CertificateBuilder rawSubjectAltName(byte[] sequenceContents) {
        byte[] value = new byte[sequenceContents.length + 2];
        value[0] = 0x30;
        value[1] = (byte) sequenceContents.length;
        System.arraycopy(sequenceContents, 0, value, 2, sequenceContents.length);
        return rawExtension(Extension.subjectAlternativeName.getId(), false, value);
    }

    public CertificateBuilder nameConstraints(GeneralName[] permitted, GeneralName[] excluded) {
        return replace(Extension.nameConstraints, true, new NameConstraints(subtrees(permitted), subtrees(excluded)));
    }

    public CertificateBuilder caIssuers(String uri) {
        AccessDescription description = new AccessDescription(AccessDescription.id_ad_caIssuers,
            new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        return replace(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(description));
    }

    /** Sets an extension to these raw extnValue bytes, replacing one with the same OID. */
    public CertificateBuilder rawExtension(String oid, boolean critical, byte[] value) {
        remove(new ASN1ObjectIdentifier(oid));
        extensions.add(new Extension(new ASN1ObjectIdentifier(oid), critical, new DEROctetString(value)));
        return this;
    }

    /** Adds an extension after any with the same OID, to make duplicates. */
    public CertificateBuilder duplicateExtension(String oid, boolean critical, byte[] value) {
        extensions.add(new Extension(new ASN1ObjectIdentifier(oid), critical, new DEROctetString(value)));
        return this;
    }

    public Issued build() {
        try {
            KeyPair own = keys != null ? keys : signatureAlgorithm.contains("ECDSA") ? TestKeys.ec("secp256r1")
                : signatureAlgorithm.equals("Ed25519") ? TestKeys.ed25519() : TestKeys.rsa();
            X500Name subjectName = new X500Name(subject);
            X500Name issuer = issuerName != null ? issuerName : subjectName;
            PrivateKey signer = issuerKey != null ? issuerKey : own.getPrivate();
            PublicKey signerPublic = issuerPublicKey != null ? issuerPublicKey : own.getPublic();
            List<Extension> all = new ArrayList<>(extensions);
            if (keyIdentifiers) {
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                all.add(0, new Extension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(own.getPublic()).getEncoded()));
                all.add(1, new Extension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(signerPublic).getEncoded()));
            }
            AlgorithmIdentifier algorithm = algorithmIdentifier();
            ASN1EncodableVector tbs = new ASN1EncodableVector();
            if (version > 1) {
                tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(version - 1)));
            }
            tbs.add(new ASN1Integer(serial));
            tbs.add(algorithm);
            tbs.add(issuer);
            tbs.add(new DERSequence(new ASN1Encodable[] {new Time(Date.from(notBefore)), new Time(Date.from(notAfter))}));
            tbs.add(subjectName);
            tbs.add(SubjectPublicKeyInfo.getInstance(own.getPublic().getEncoded()));
            if (!all.isEmpty()) {
                ASN1EncodableVector list = new ASN1EncodableVector();
                for (Extension extension : all) {
                    ASN1EncodableVector fields = new ASN1EncodableVector();
                    fields.add(extension.getExtnId());
                    if (extension.isCritical()) {
                        fields.add(ASN1Boolean.TRUE);
                    }
                    fields.add(extension.getExtnValue());
                    list.add(new DERSequence(fields));
                }
                tbs.add(new DERTaggedObject(true, 3, new DERSequence(list)));
            }
            byte[] tbsDer = new DERSequence(tbs).getEncoded("DER");
            byte[] signature = sign(signer, tbsDer);
            if (corruptSignature) {
                signature[signature.length / 2] ^= 0x01;
            }
            AlgorithmIdentifier outer = outerAlgorithmDiffers
                ? new DefaultSignatureAlgorithmIdentifierFinder().find("SHA384withRSA") : algorithm;
            byte[] der = new DERSequence(new ASN1Encodable[] {DERSequence.getInstance(tbsDer), outer,
                new DERBitString(signature)}).getEncoded("DER");
            return new Issued(parse(der), own, der);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            return null;
        }
    }

    private AlgorithmIdentifier algorithmIdentifier() {
        String name = signatureAlgorithm.equals("RSASSA-PSS") ? "SHA256withRSAandMGF1" : signatureAlgorithm;
        return new DefaultSignatureAlgorithmIdentifierFinder().find(name);
    }

    private byte[] sign(PrivateKey key, byte[] tbs) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(signatureAlgorithm);
        if (signatureAlgorithm.equals("RSASSA-PSS")) {
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        signature.initSign(key);
        signature.update(tbs);
        return signature.sign();
    }

    private CertificateBuilder replace(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            remove(oid);
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CertificateBuilder remove(ASN1ObjectIdentifier oid) {
        extensions.removeIf(e -> e.getExtnId().equals(oid));
        return this;
    }

    private static GeneralSubtree[] subtrees(GeneralName[] names) {
        if (names == null || names.length == 0) {
            return null;
        }
        GeneralSubtree[] subtrees = new GeneralSubtree[names.length];
        for (int i = 0; i < names.length; i++) {
            subtrees[i] = new GeneralSubtree(names[i]);
        }
        return subtrees;
    }
}
