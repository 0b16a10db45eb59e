package dev.handshake.bench;

import dev.handshake.pki.CertificateBuilder;
import dev.handshake.pki.KeyPurpose;
import dev.handshake.pki.PathValidator;
import dev.handshake.pki.ServerIdentity;
import dev.handshake.pki.TrustAnchors;
import dev.handshake.pki.ValidationResult;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of validating one 3-certificate RSA-2048 / SHA-256 chain (leaf, intermediate, root as
 * trust anchor): Handshake's PathValidator (which builds the path from an unordered set and checks
 * the host name too) against the JDK's PKIX CertPathValidator on the ordered path (revocation
 * off), and the JDK's PKIX CertPathBuilder, which also has to find the path.
 *
 * <p>The JDK's X509Certificate remembers a successful signature check on the object, and its
 * CertificateFactory hands back the same object for DER it decoded recently (a cache of 750), so
 * repeating one chain measures the JDK without any RSA operation after the first. The
 * {@code cold*} runs cycle through {@value #COLD_CHAINS} distinct chains, decoded from DER on
 * every operation as a TLS handshake receives them: every signature is really checked, by both.
 *
 * <p>Run: {@code mvn -pl core,bench -am package -DskipTests}, then {@code java -cp
 * bench/target/classes:core/target/classes:core/target/test-classes:<jmh-core, jopt-simple,
 * commons-math3 and Bouncy Castle jars> org.openjdk.jmh.Main PathValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class PathValidationBenchmark {

    static final int COLD_CHAINS = 1024;

    private final byte[][] coldLeaves = new byte[COLD_CHAINS][];
    private final byte[][] coldIntermediates = new byte[COLD_CHAINS][];
    private int next;
    private X509Certificate leaf;
    private byte[] leafDer;
    private List<byte[]> intermediatesDer;
    private List<X509Certificate> intermediates;
    private PathValidator handshake;
    private ServerIdentity host;
    private CertPathValidator jdkValidator;
    private CertPath jdkPath;
    private PKIXParameters jdkParameters;
    private CertPathBuilder jdkBuilder;
    private PKIXBuilderParameters jdkBuilderParameters;

    @Setup
    public void setUp() throws GeneralSecurityException {
        CertificateBuilder.Issued root = CertificateBuilder.ca("CN=Bench Root").build();
        CertificateBuilder.Issued intermediate = CertificateBuilder.ca("CN=Bench Intermediate").issuedBy(root).build();
        CertificateBuilder.Issued leafIssued = CertificateBuilder.leaf("example.com").issuedBy(intermediate).build();
        leaf = leafIssued.certificate();
        leafDer = leafIssued.der();
        intermediatesDer = List.of(intermediate.der());
        intermediates = List.of(intermediate.certificate());
        host = ServerIdentity.of("example.com");
        handshake = PathValidator.builder(TrustAnchors.of(List.of(root.certificate())))
            .validationTime(CertificateBuilder.NOW).build();

        Set<TrustAnchor> anchors = Set.of(new TrustAnchor(root.certificate(), null));
        jdkValidator = CertPathValidator.getInstance("PKIX");
        jdkPath = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, intermediate.certificate()));
        jdkParameters = new PKIXParameters(anchors);
        jdkParameters.setRevocationEnabled(false);
        jdkParameters.setDate(Date.from(CertificateBuilder.NOW));

        jdkBuilder = CertPathBuilder.getInstance("PKIX");
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        jdkBuilderParameters = new PKIXBuilderParameters(anchors, target);
        jdkBuilderParameters.setRevocationEnabled(false);
        jdkBuilderParameters.setDate(Date.from(CertificateBuilder.NOW));
        jdkBuilderParameters.addCertStore(CertStore.getInstance("Collection",
            new CollectionCertStoreParameters(List.of(leaf, intermediate.certificate()))));

        for (int i = 0; i < COLD_CHAINS; i++) {
            CertificateBuilder.Issued ca = CertificateBuilder.ca("CN=Bench Intermediate " + i).issuedBy(root).build();
            coldIntermediates[i] = ca.der();
            coldLeaves[i] = CertificateBuilder.leaf("example.com").issuedBy(ca).build().der();
        }
        if (!handshakeValidate().valid()) {
            throw new IllegalStateException("the benchmark chain does not validate: " + handshakeValidate());
        }
        if (!handshakeValidateDer().valid()) {
            throw new IllegalStateException("the benchmark chain does not validate from DER");
        }
        if (!coldHandshake().valid()) {
            throw new IllegalStateException("the cold chains do not validate");
        }
        jdkValidate();
        jdkValidateDer();
        coldJdk();
        jdkBuild();
    }

    @Benchmark
    public ValidationResult handshakeValidate() {
        return handshake.validate(leaf, intermediates, host, KeyPurpose.SERVER_AUTH);
    }

    @Benchmark
    public CertPathValidatorResult jdkValidate() throws GeneralSecurityException {
        return jdkValidator.validate(jdkPath, jdkParameters);
    }

    @Benchmark
    public ValidationResult handshakeValidateDer() {
        return handshake.validate(leafDer, intermediatesDer, host, KeyPurpose.SERVER_AUTH);
    }

    @Benchmark
    public CertPathValidatorResult jdkValidateDer() throws GeneralSecurityException {
        return jdkValidateDer(leafDer, intermediatesDer.get(0));
    }

    @Benchmark
    public ValidationResult coldHandshake() {
        int i = next++ & (COLD_CHAINS - 1);
        return handshake.validate(coldLeaves[i], List.of(coldIntermediates[i]), host, KeyPurpose.SERVER_AUTH);
    }

    @Benchmark
    public CertPathValidatorResult coldJdk() throws GeneralSecurityException {
        int i = next++ & (COLD_CHAINS - 1);
        return jdkValidateDer(coldLeaves[i], coldIntermediates[i]);
    }

    private CertPathValidatorResult jdkValidateDer(byte[] leafBytes, byte[] intermediateBytes)
        throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(List.of(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(leafBytes)),
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(intermediateBytes))));
        return jdkValidator.validate(path, jdkParameters);
    }

    @Benchmark
    public PKIXCertPathBuilderResult jdkBuild() throws GeneralSecurityException {
        return (PKIXCertPathBuilderResult) jdkBuilder.build(jdkBuilderParameters);
    }
}
