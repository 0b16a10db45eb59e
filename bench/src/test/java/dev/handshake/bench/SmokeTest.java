package dev.handshake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.testkit.TestPki;
import dev.handshake.tls.Credential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The smoke run of {@code mvn verify} (and so of {@code .ci/run}): every scenario by every engine
 * through JMH for one short iteration, in this JVM, so the benchmarks are known to work; setting up
 * each checks that it negotiated what the scenario says. Measures nothing: see {@code bench/run.sh}.
 */
class SmokeTest {

    @Test
    void everyScenarioRunsOnEveryEngine() throws Exception {
        Options options = new OptionsBuilder()
            .include("^" + Pattern.quote(TlsBenchmark.class.getName() + ".run") + "$")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(Scenario.values().length * Engine.values().length);
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getScore())
                .as(result.getParams().getParam("scenario") + " by " + result.getParams().getParam("engine"))
                .isPositive();
        }
    }

    @Test
    void theTraceCostRunsWithEveryObserver() throws Exception {
        Options options = new OptionsBuilder()
            .include("^" + Pattern.quote(TraceCostBenchmark.class.getName() + ".run") + "$")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(TraceCostBenchmark.SCENARIOS.size() * TraceCostBenchmark.OBSERVERS.size());
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getScore()).isPositive();
        }
    }

    @Test
    void everyEngineRefusesAServerThatIsNotTheOneAskedFor() {
        Scenario scenario = Scenario.FULL_TLS13_X25519_ECDSA_P256;
        TestPki pki = TestPki.of(scenario.keyType());
        Credential credential = pki.server().credential();
        X509Certificate root = pki.root();
        List<Workload> clientsOfAnotherHost = List.of(
            HandshakeWorkloads.create(scenario, credential, root, null, "example.com"),
            JsseWorkloads.create(scenario, credential, root, null, "example.com"),
            JsseWorkloads.create(scenario, credential, root, Providers.conscrypt(), "example.com"));
        for (Workload workload : clientsOfAnotherHost) {
            // Each names the host it was asked for: the refusal is the name check, not something else.
            assertThatThrownBy(workload::run).as(workload.getClass().getName())
                .satisfies(failure -> assertThat(causes(failure)).contains("example.com"));
        }
    }

    @Test
    void retainedHeapAndColdStartRun(@TempDir Path dir) throws Exception {
        String heap = capture(() -> RetainedHeap.main(new String[] {"handshake", "10"}));
        assertThat(heap).contains("client_bytes=").contains("server_bytes=");

        TestPki pki = TestPki.of(Scenario.FULL_TLS13_X25519_RSA2048.keyType());
        Files.write(dir.resolve("root.der"), pki.root().getEncoded());
        Files.write(dir.resolve("intermediate.der"), pki.intermediate().getEncoded());
        Files.write(dir.resolve("leaf.der"), pki.server().certificate().getEncoded());
        Files.write(dir.resolve("key.der"), pki.server().privateKey().getEncoded());
        ColdStart.main(new String[] {"handshake", dir.toString()});
        ColdStart.main(new String[] {"sunjsse", dir.toString()});
        ColdStart.main(new String[] {"floor", dir.toString()});
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private interface Main {
        void run() throws Exception;
    }

    private static String capture(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
