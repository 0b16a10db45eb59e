package dev.handshake.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every scenario ({@link Scenario}) by every engine ({@link Engine}), in operations per second: a
 * handshake with one byte each way, or one 16 KiB record wrapped and unwrapped (MB/s is ops/s times
 * 16,384 / 10^6). One thread, no sockets. {@code bench/run.sh} runs the matrix interleaved and writes
 * BENCHMARKS.md; to run a piece by hand:
 *
 * <pre>{@code
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main TlsBenchmark \
 *     -p scenario=full_tls13_x25519_rsa2048 -p engine=handshake,sunjsse -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TlsBenchmark {

    @Param({"full_tls12_ecdhe_rsa2048_x25519", "full_tls12_rsa_kx", "full_tls12_ecdhe_ecdsa_p256",
        "full_tls13_x25519_rsa2048", "full_tls13_x25519_ecdsa_p256", "resumed_tls13",
        "transfer_aes128gcm_16k", "transfer_chacha20_16k"})
    public String scenario;

    @Param({"handshake", "handshake_accp", "sunjsse", "conscrypt", "floor", "floor_accp"})
    public String engine;

    private Workload workload;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        workload = Workloads.create(Scenario.of(scenario), Engine.of(engine));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public int run() throws Exception {
        return workload.run();
    }
}
