package dev.handshake.bench;

import dev.handshake.testkit.TestPki;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the trace events cost (issue #5): Handshake's engine with no observer installed, with one that
 * drops every event, and with one that looks at every event. With none the engine builds no event at
 * all, so its throughput and its bytes allocated per operation ({@code -prof gc}) are those of an
 * engine without tracing; the other two show what building the events would cost.
 * {@code bench/run.sh} runs it on each JDK and reports it in BENCHMARKS.md; by hand:
 *
 * <pre>{@code
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main TraceCostBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TraceCostBenchmark {

    /** A handshake (dozens of events) and a transfer (a record event and a data event per record each way). */
    static final List<String> SCENARIOS = List.of("full_tls13_x25519_ecdsa_p256", "transfer_aes128gcm_16k");
    static final List<String> OBSERVERS = List.of("none", "dropping", "counting");

    @Param({"full_tls13_x25519_ecdsa_p256", "transfer_aes128gcm_16k"})
    public String scenario;

    @Param({"none", "dropping", "counting"})
    public String observer;

    private Workload workload;
    private final Counting counting = new Counting();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Scenario chosen = Scenario.of(scenario);
        TlsObserver installed = switch (observer) {
            case "none" -> null;
            case "dropping" -> event -> { };
            case "counting" -> counting;
            default -> throw new IllegalArgumentException("unknown observer " + observer);
        };
        Providers.prepareJvm(chosen);
        TestPki pki = TestPki.of(chosen.keyType());
        workload = HandshakeWorkloads.create(chosen, pki.server().credential(), pki.root(), null,
            HandshakeWorkloads.HOST, installed);
        Workloads.check(chosen, Engine.HANDSHAKE, workload);
        if (installed == counting && counting.events == 0) {
            throw new IllegalStateException("the counting observer saw no event");
        }
    }

    @Benchmark
    public long run() throws Exception {
        return workload.run() + counting.events;
    }

    /** Counts the events and keeps the last, so each escapes as it would to a real consumer. */
    static final class Counting implements TlsObserver {
        long events;
        TlsEvent last;

        @Override
        public void onEvent(TlsEvent event) {
            events++;
            last = event;
        }
    }
}
