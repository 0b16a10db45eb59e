package dev.handshake.bench;

import dev.handshake.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The harness behind {@code bench/run.sh}: every scenario by every engine on every JDK (JMH, one fork
 * each, engines interleaved), the trace events' cost, retained heap, cold start, then BENCHMARKS.md. Raw figures go to
 * {@code results.tsv} as they come, so {@code --report-only} can rewrite the report from them.
 *
 * <pre>{@code
 * RunAll [--quick] --jdk 17=/usr/lib/jvm/java-17-openjdk-amd64 --jdk 25=/usr/lib/jvm/temurin-25-jdk-amd64
 *        [--out BENCHMARKS.md] [--results DIR] [--command TEXT] [--scenarios a,b] [--engines x,y]
 *        [--skip-jmh] [--skip-trace] [--skip-heap] [--skip-cold] [--report-only]
 * }</pre>
 */
public final class RunAll {

    /** The number of idle pairs held when the retained heap is measured. */
    static final int HEAP_PAIRS = 2000;
    /** The engines whose idle connections and cold start are measured. */
    static final List<Engine> HEAP_ENGINES = List.of(Engine.HANDSHAKE, Engine.SUNJSSE, Engine.CONSCRYPT);
    static final List<Engine> COLD_ENGINES = List.of(Engine.HANDSHAKE, Engine.SUNJSSE, Engine.FLOOR);
    /** How the trace-cost figures are told apart from the scenarios' in results.tsv. */
    static final String TRACE_PREFIX = "trace_";

    /** How long and how often: {@code --quick} for a development run, the default for the record. */
    record Settings(boolean quick, int rounds, int warmups, int measurements, int coldRuns) {
        static Settings of(boolean quick) {
            return quick ? new Settings(true, 1, 5, 3, 5) : new Settings(false, 2, 10, 5, 11);
        }
    }

    private final Settings settings;
    private final List<Jdk> jdks;
    private final List<Scenario> scenarios;
    private final List<Engine> engines;
    private final Path resultsDir;
    private final Results results;

    private RunAll(Settings settings, List<Jdk> jdks, List<Scenario> scenarios, List<Engine> engines, Path resultsDir,
                   Results results) {
        this.settings = settings;
        this.jdks = jdks;
        this.scenarios = scenarios;
        this.engines = engines;
        this.resultsDir = resultsDir;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean reportOnly = false;
        boolean jmh = true;
        boolean heap = true;
        boolean cold = true;
        boolean trace = true;
        List<Jdk> jdks = new ArrayList<>();
        Path out = Path.of("BENCHMARKS.md");
        Path resultsDir = Path.of("bench/target/results");
        String command = "bench/run.sh";
        List<Scenario> scenarios = List.of(Scenario.values());
        List<Engine> engines = List.of(Engine.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--report-only" -> reportOnly = true;
                case "--skip-jmh" -> jmh = false;
                case "--skip-heap" -> heap = false;
                case "--skip-cold" -> cold = false;
                case "--skip-trace" -> trace = false;
                case "--jdk" -> jdks.add(Jdk.parse(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--results" -> resultsDir = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--scenarios" -> scenarios = Arrays.stream(args[++i].split(",")).map(Scenario::of).toList();
                case "--engines" -> engines = Arrays.stream(args[++i].split(",")).map(Engine::of).toList();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path tsv = resultsDir.resolve("results.tsv");
        if (reportOnly) {
            Files.writeString(out, new Report(Results.read(tsv)).markdown());
            System.out.println("wrote " + out + " from " + tsv);
            return;
        }
        if (jdks.isEmpty()) {
            jdks.add(Jdk.current());
        }
        Files.createDirectories(resultsDir);
        Settings settings = Settings.of(quick);
        try (Results results = Results.create(tsv)) {
            Instant start = Instant.now();
            results.meta("command", command);
            results.meta("started", start.truncatedTo(ChronoUnit.SECONDS).toString());
            results.meta("settings", quick ? "quick" : "full");
            results.meta("rounds", Integer.toString(settings.rounds()));
            results.meta("warmups", Integer.toString(settings.warmups()));
            results.meta("measurements", Integer.toString(settings.measurements()));
            results.meta("cold_runs", Integer.toString(settings.coldRuns()));
            results.meta("heap_pairs", Integer.toString(HEAP_PAIRS));
            Machine.describe(results);
            for (Jdk jdk : jdks) {
                results.meta("jdk." + jdk.label(), jdk.description());
            }
            RunAll run = new RunAll(settings, jdks, scenarios, engines, resultsDir, results);
            if (jmh) {
                run.benchmarks();
            }
            if (trace) {
                run.traceCost();
            }
            if (heap) {
                run.retainedHeap();
            }
            if (cold) {
                run.coldStart();
            }
            results.meta("load_at_end", Machine.loadAverage());
            results.meta("minutes", Long.toString(Duration.between(start, Instant.now()).toMinutes()));
        }
        Files.writeString(out, new Report(Results.read(tsv)).markdown());
        System.out.println("wrote " + out);
    }

    /**
     * Round after round, JDK after JDK, scenario after scenario: each engine in one fresh fork, the
     * engines' order rotated by scenario and round so no engine always runs first or last.
     */
    private void benchmarks() throws IOException {
        int total = settings.rounds() * jdks.size() * scenarios.size() * engines.size();
        int done = 0;
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Jdk jdk : jdks) {
                for (int s = 0; s < scenarios.size(); s++) {
                    Scenario scenario = scenarios.get(s);
                    for (int e = 0; e < engines.size(); e++) {
                        Engine engine = engines.get((e + s + round) % engines.size());
                        done++;
                        System.out.printf("[%d/%d] JDK %s, round %d, %s, %s: ", done, total, jdk.label(), round,
                            scenario.id(), engine.id());
                        System.out.flush();
                        System.out.println(jmh(jdk, round, TlsBenchmark.class, scenario.id(), "engine", engine.id(),
                            scenario.id()));
                    }
                }
            }
        }
    }

    /**
     * The trace events' cost ({@link TraceCostBenchmark}): each scenario with each observer, one fresh
     * fork each, the observers' order rotated; recorded as scenario {@code trace_<scenario>}.
     */
    private void traceCost() throws IOException {
        List<String> observers = TraceCostBenchmark.OBSERVERS;
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Jdk jdk : jdks) {
                for (int s = 0; s < TraceCostBenchmark.SCENARIOS.size(); s++) {
                    String scenario = TraceCostBenchmark.SCENARIOS.get(s);
                    for (int o = 0; o < observers.size(); o++) {
                        String observer = observers.get((o + s + round) % observers.size());
                        System.out.printf("trace cost, JDK %s, round %d, %s, observer %s: ", jdk.label(), round,
                            scenario, observer);
                        System.out.flush();
                        System.out.println(jmh(jdk, round, TraceCostBenchmark.class, scenario, "observer", observer,
                            TRACE_PREFIX + scenario));
                    }
                }
            }
        }
    }

    /**
     * One fork of {@code benchmark}'s {@code run} with {@code scenario} and {@code variantParam} =
     * {@code variant}; its figures are recorded under {@code recordedScenario} and {@code variant}.
     */
    private String jmh(Jdk jdk, int round, Class<?> benchmark, String scenario, String variantParam, String variant,
                       String recordedScenario) throws IOException {
        Path log = resultsDir.resolve("jmh").resolve(jdk.label() + "-" + round + "-" + recordedScenario + "-"
            + variant + ".log");
        Files.createDirectories(log.getParent());
        Options options = new OptionsBuilder()
            .include("^" + Pattern.quote(benchmark.getName() + ".run") + "$")
            .param("scenario", scenario)
            .param(variantParam, variant)
            .forks(1)
            .warmupIterations(settings.warmups())
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(settings.measurements())
            .measurementTime(TimeValue.seconds(1))
            .jvm(jdk.java().toString())
            .jvmArgs(jdk.jvmArgs("-Xms1g", "-Xmx1g").toArray(String[]::new))
            .addProfiler(GCProfiler.class)
            .addProfiler(CpuTimeProfiler.class)
            .shouldFailOnError(true)
            .output(log.toString())
            .build();
        try {
            Collection<RunResult> runs = new Runner(options).run();
            StringBuilder line = new StringBuilder();
            for (RunResult run : runs) {
                for (BenchmarkResult result : run.getBenchmarkResults()) {
                    for (IterationResult iteration : result.getIterationResults()) {
                        double score = iteration.getPrimaryResult().getScore();
                        results.add(jdk.label(), round, recordedScenario, variant, "ops", score, "");
                        line.append(String.format("%.1f ", score));
                        Result cpu = iteration.getSecondaryResults().get("cpu.time.norm");
                        if (cpu != null) {
                            // Operations per CPU-second: the throughput if the JVM had the CPU to itself.
                            results.add(jdk.label(), round, recordedScenario, variant, "cpu_ops", 1e9 / cpu.getScore(),
                                "");
                        }
                        Result utilization = iteration.getSecondaryResults().get("cpu.utilization");
                        if (utilization != null) {
                            results.add(jdk.label(), round, recordedScenario, variant, "cpus", utilization.getScore(),
                                "");
                        }
                    }
                }
                Map<String, Result> secondary = run.getSecondaryResults();
                Result allocation = secondary.get("gc.alloc.rate.norm");
                if (allocation != null) {
                    results.add(jdk.label(), round, recordedScenario, variant, "alloc", allocation.getScore(), "");
                    line.append(String.format("ops/s, %.0f B/op", allocation.getScore()));
                }
            }
            return line.toString();
        } catch (RunnerException | RuntimeException e) {
            String reason = firstFailure(log);
            results.add(jdk.label(), round, recordedScenario, variant, "error", Double.NaN, reason);
            return "FAILED: " + reason + " (see " + log + ")";
        }
    }

    /** The first exception line of a JMH log, for the report. */
    private static String firstFailure(Path log) {
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.contains("Exception") || line.contains("Error:")) {
                    return line.trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "no log";
        }
        return "failed without an exception in the log";
    }

    /** Each engine's idle connections in a JVM of its own (see {@link RetainedHeap}), per JDK. */
    private void retainedHeap() throws IOException, InterruptedException {
        for (Jdk jdk : jdks) {
            for (Engine engine : HEAP_ENGINES) {
                if (!engines.contains(engine)) {
                    continue;
                }
                System.out.printf("retained heap, JDK %s, %s: ", jdk.label(), engine.id());
                List<String> output = child(jdk, List.of("-XX:+UseSerialGC", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"),
                    RetainedHeap.class, engine.id(), Integer.toString(HEAP_PAIRS));
                record(jdk, "idle_tls13", engine, output);
                boolean firstJdk = jdk == jdks.get(0);
                if (firstJdk && engine != Engine.CONSCRYPT) {
                    List<String> histogram = child(jdk, List.of("-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"),
                        RetainedHeap.class, engine.id(), Integer.toString(HEAP_PAIRS), "histogram");
                    record(jdk, "idle_tls13", engine, histogram);
                }
                System.out.println(String.join(" ", output));
            }
        }
    }

    private void record(Jdk jdk, String scenario, Engine engine, List<String> output) {
        for (String line : output) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = line.substring(0, equals);
            String value = line.substring(equals + 1);
            if (key.startsWith("histogram.")) {
                results.add(jdk.label(), 1, scenario, engine.id(), key, Double.NaN, value);
            } else if (key.endsWith("_bytes")) {
                results.add(jdk.label(), 1, scenario, engine.id(), key, Double.parseDouble(value), "");
            }
        }
    }

    /**
     * Wall time of a fresh JVM that makes one TLS 1.3 handshake (see {@link ColdStart}), from start to
     * exit, the engines alternating, per JDK.
     */
    private void coldStart() throws IOException, InterruptedException {
        Path dir = resultsDir.resolve("cold-start");
        Files.createDirectories(dir);
        TestPki pki = TestPki.of(Scenario.FULL_TLS13_X25519_RSA2048.keyType());
        try {
            Files.write(dir.resolve("root.der"), pki.root().getEncoded());
            Files.write(dir.resolve("intermediate.der"), pki.intermediate().getEncoded());
            Files.write(dir.resolve("leaf.der"), pki.server().certificate().getEncoded());
            Files.write(dir.resolve("key.der"), pki.server().privateKey().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        for (Jdk jdk : jdks) {
            // One run each first, untimed: it warms the disk cache and the JDK's CDS archive mapping.
            for (Engine engine : COLD_ENGINES) {
                child(jdk, List.of(), ColdStart.class, engine.id(), dir.toString());
            }
            System.out.printf("cold start, JDK %s:", jdk.label());
            for (int run = 1; run <= settings.coldRuns(); run++) {
                for (int e = 0; e < COLD_ENGINES.size(); e++) {
                    Engine engine = COLD_ENGINES.get((e + run) % COLD_ENGINES.size());
                    long started = System.nanoTime();
                    child(jdk, List.of(), ColdStart.class, engine.id(), dir.toString());
                    double millis = (System.nanoTime() - started) / 1e6;
                    results.add(jdk.label(), run, "cold_start", engine.id(), "ms", millis, "");
                    System.out.printf(" %s %.0f ms", engine.id(), millis);
                }
            }
            System.out.println();
        }
    }

    /** Runs a main class of this module in a fresh JVM of {@code jdk}; returns its output lines. */
    private static List<String> child(Jdk jdk, List<String> jvmArgs, Class<?> main, String... args)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jdk.jvmArgs(jvmArgs.toArray(String[]::new)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " failed on JDK "
                + jdk.label() + ":\n" + output);
        }
        return output.lines().toList();
    }
}
