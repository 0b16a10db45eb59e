package dev.handshake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes BENCHMARKS.md from the raw figures of a run. */
final class Report {

    /** Hand-written findings (profiles, where allocations come from) appended to the report when present. */
    static final Path FINDINGS = Path.of("bench/findings.md");

    private static final List<Engine> COLUMNS = List.of(Engine.HANDSHAKE, Engine.HANDSHAKE_ACCP, Engine.SUNJSSE,
        Engine.CONSCRYPT, Engine.FLOOR, Engine.FLOOR_ACCP);

    private final Results results;
    private final Map<String, String> meta;
    private final List<String> jdks;
    private final List<String> errors = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();

    Report(Results results) {
        this.results = results;
        this.meta = results.meta;
        Set<String> labels = new LinkedHashSet<>();
        for (String key : meta.keySet()) {
            if (key.startsWith("jdk.")) {
                labels.add(key.substring(4));
            }
        }
        results.samples.forEach(sample -> labels.add(sample.jdk()));
        this.jdks = List.copyOf(labels);
    }

    /** Median, smallest and largest of some figures. */
    record Stat(double median, double min, double max, int count) {
        static Stat of(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Stat(median, sorted.get(0), sorted.get(n - 1), n);
        }

        /** Half the range, as a percentage of the median. */
        double spreadPercent() {
            return median == 0 ? 0 : (max - min) / 2 / median * 100;
        }
    }

    String markdown() {
        header();
        for (String jdk : jdks) {
            if (!hasOps(jdk)) {
                continue;
            }
            throughput(jdk);
            ratios(jdk);
            allocation(jdk);
        }
        retainedHeap();
        coldStart();
        traceCost();
        targets();
        histograms();
        configuration();
        if (!errors.isEmpty()) {
            line("## Failures");
            line("");
            errors.forEach(error -> line("- " + error));
            line("");
        }
        findings();
        return md.toString();
    }

    private boolean hasOps(String jdk) {
        return results.samples.stream().anyMatch(s -> s.jdk().equals(jdk) && s.metric().equals("ops"));
    }

    private void header() {
        line("# Benchmarks");
        line("");
        line("Handshake side by side with the JDK's own TLS (SunJSSE's `SSLEngine`) and Conscrypt (BoringSSL), and");
        line("with the *floor*: the JCA operations each scenario cannot do without, timed in the same run. Issue #6.");
        line("This file is written by `bench/run.sh`; the command that made it is below: run it again to refresh it.");
        line("");
        line("- **Made by** `" + meta.getOrDefault("command", "?") + "` at " + meta.getOrDefault("started", "?")
            + " from commit " + meta.getOrDefault("commit", "?")
            + ("yes".equals(meta.get("uncommitted")) ? " (with uncommitted changes)" : "") + "; it took "
            + meta.getOrDefault("minutes", "?") + " minutes.");
        line("- **Machine:** " + meta.getOrDefault("nproc", "?") + " CPUs (`nproc`), " + meta.getOrDefault("cpu", "?")
            + " (`/proc/cpuinfo`), " + meta.getOrDefault("memory", "?") + ", Linux " + meta.getOrDefault("kernel", "?")
            + ". Load average (1, 5, 15 min) " + meta.getOrDefault("load_at_start", "?") + " at the start, "
            + meta.getOrDefault("load_at_end", "?") + " at the end: the machine is shared with other builds, so"
            + " absolute figures are noisy; the engines of a scenario run back to back, so their ratios hold better.");
        for (String jdk : jdks) {
            line("- **JDK " + jdk + ":** " + meta.getOrDefault("jdk." + jdk, "?"));
        }
        line("- **JMH 1.37**, throughput, one thread; every (JDK, scenario, engine) is one fresh fork per round ("
            + meta.getOrDefault("rounds", "?") + " round(s)) of " + meta.getOrDefault("warmups", "?")
            + " × 1 s warm-up and " + meta.getOrDefault("measurements", "?") + " × 1 s measured iterations, with"
            + " `-prof gc`; within a round the engines of a scenario run one after another, in an order rotated"
            + " from scenario to scenario and round to round.");
        line("- **Figures:** the median of all measured iterations, ± half their range (max − min) as a"
            + " percentage of the median. Handshakes per second; MB/s (10^6 bytes of plaintext) for transfers.");
        for (String jdk : jdks) {
            List<Double> cpus = new ArrayList<>();
            results.samples.stream().filter(s -> s.jdk().equals(jdk) && s.metric().equals("cpus"))
                .forEach(s -> cpus.add(s.value()));
            Stat stat = Stat.of(cpus);
            if (stat != null) {
                line("- **CPU the benchmark JVMs got, JDK " + jdk + ":** median " + String.format(Locale.ROOT, "%.2f",
                    stat.median()) + " CPUs per measured iteration (range " + String.format(Locale.ROOT, "%.2f–%.2f",
                    stat.min(), stat.max()) + "; one thread runs the engine, the rest is JIT and GC): below 1, other"
                    + " processes took the CPU away.");
            }
        }
        line("- **Peers:** Conscrypt 2.5.2 (`conscrypt-openjdk-uber`), Amazon Corretto Crypto Provider 2.5.0"
            + " (`linux-x86_64`).");
        line("");
    }

    private void throughput(String jdk) {
        line("## JDK " + jdk + ": throughput");
        line("");
        StringBuilder head = new StringBuilder("| scenario | unit |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Engine engine : COLUMNS) {
            head.append(' ').append(engine.label()).append(" |");
            rule.append("---:|");
        }
        line(head.toString());
        line(rule.toString());
        for (Scenario scenario : Scenario.values()) {
            StringBuilder row = new StringBuilder("| `" + scenario.id() + "` | "
                + (scenario.kind() == Scenario.Kind.TRANSFER ? "MB/s" : "hs/s") + " |");
            for (Engine engine : COLUMNS) {
                Stat stat = throughput(jdk, scenario, engine);
                row.append(' ').append(stat == null ? failedOrBlank(jdk, scenario, engine)
                    : number(stat.median()) + " ±" + percent(stat.spreadPercent())).append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private void ratios(String jdk) {
        line("## JDK " + jdk + ": ratios");
        line("");
        line("Each engine against SunJSSE, and against the floor of its providers: the JDK's for Handshake and");
        line("SunJSSE, ACCP-first for Handshake+ACCP and Conscrypt (BoringSSL does not go through JCA; its floor");
        line("column says what Java code can reach with native crypto). *By CPU time*: the same ratio of operations");
        line("per CPU-second of the whole benchmark JVM (`CpuTimeProfiler`): other processes do not move it, but it");
        line("charges each engine its garbage collection and JIT compilation, which run beside the benchmark thread.");
        line("");
        line("| scenario | Handshake ÷ SunJSSE | Handshake+ACCP ÷ SunJSSE | Conscrypt ÷ SunJSSE | Handshake ÷ floor JDK"
            + " | Handshake ÷ floor JDK, by CPU time | SunJSSE ÷ floor JDK | Handshake+ACCP ÷ floor ACCP"
            + " | Conscrypt ÷ floor ACCP | Handshake+ACCP ÷ Conscrypt |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Scenario scenario : Scenario.values()) {
            line("| `" + scenario.id() + "` | "
                + ratio(jdk, scenario, Engine.HANDSHAKE, Engine.SUNJSSE, false) + " | "
                + ratio(jdk, scenario, Engine.HANDSHAKE_ACCP, Engine.SUNJSSE, false) + " | "
                + ratio(jdk, scenario, Engine.CONSCRYPT, Engine.SUNJSSE, false) + " | "
                + ratio(jdk, scenario, Engine.HANDSHAKE, Engine.FLOOR, true) + " | "
                + ratio(jdk, scenario, Engine.HANDSHAKE, Engine.FLOOR, true, "cpu_ops") + " | "
                + ratio(jdk, scenario, Engine.SUNJSSE, Engine.FLOOR, true) + " | "
                + ratio(jdk, scenario, Engine.HANDSHAKE_ACCP, Engine.FLOOR_ACCP, true) + " | "
                + ratio(jdk, scenario, Engine.CONSCRYPT, Engine.FLOOR_ACCP, true) + " | "
                + ratio(jdk, scenario, Engine.HANDSHAKE_ACCP, Engine.CONSCRYPT, false) + " |");
        }
        line("");
    }

    private void allocation(String jdk) {
        line("## JDK " + jdk + ": bytes allocated per operation");
        line("");
        line("JMH's `gc.alloc.rate.norm` (`-prof gc`): per handshake, or per 16 KiB record wrapped and unwrapped."
            + " Median over rounds.");
        line("");
        StringBuilder head = new StringBuilder("| scenario |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Engine engine : COLUMNS) {
            head.append(' ').append(engine.label()).append(" |");
            rule.append("---:|");
        }
        line(head.toString());
        line(rule.toString());
        for (Scenario scenario : Scenario.values()) {
            StringBuilder row = new StringBuilder("| `" + scenario.id() + "` |");
            for (Engine engine : COLUMNS) {
                Stat stat = Stat.of(values(jdk, scenario.id(), engine.id(), "alloc"));
                row.append(' ').append(stat == null ? "" : bytes(stat.median())).append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private void retainedHeap() {
        if (results.samples.stream().noneMatch(s -> s.scenario().equals("idle_tls13"))) {
            return;
        }
        line("## Retained heap per idle connection");
        line("");
        line(meta.getOrDefault("heap_pairs", "2000") + " established TLS 1.3 pairs (x25519, RSA-2048 chain), each"
            + " after its handshake and one byte each way, held in a JVM of their own (serial GC, 1 GiB pre-touched"
            + " heap); heap used after full collections with both sides held, with the clients only, and with none"
            + " (`bench/.../RetainedHeap.java`). *Session caches* is what stayed after both sides were dropped"
            + " (the contexts' caches), per pair. *Native* is the growth of the process's resident memory per pair:"
            + " BoringSSL keeps Conscrypt's connections there; for the Java engines it is noise (JIT, GC).");
        line("");
        line("| JDK | engine | client side | server side | session caches | native (RSS) per pair |");
        line("|---|---|---:|---:|---:|---:|");
        for (String jdk : jdks) {
            for (Engine engine : RunAll.HEAP_ENGINES) {
                Stat client = Stat.of(values(jdk, "idle_tls13", engine.id(), "client_bytes"));
                if (client == null) {
                    continue;
                }
                line("| " + jdk + " | " + engine.label() + " | " + bytes(client.median()) + " | "
                    + bytes(single(jdk, "idle_tls13", engine, "server_bytes")) + " | "
                    + bytes(single(jdk, "idle_tls13", engine, "cache_bytes")) + " | "
                    + bytes(single(jdk, "idle_tls13", engine, "native_bytes")) + " |");
            }
        }
        line("");
    }

    private void coldStart() {
        if (results.samples.stream().noneMatch(s -> s.scenario().equals("cold_start"))) {
            return;
        }
        line("## Cold start");
        line("");
        line("Wall time of a fresh JVM (default flags) that reads a key and chain from DER files, makes one TLS 1.3"
            + " handshake in memory (x25519, RSA-2048 chain validated to the root, host name checked), sends one byte"
            + " each way and exits; " + meta.getOrDefault("cold_runs", "?") + " runs per engine, alternating, after"
            + " one untimed run each (`ColdStart.java`). The floor JVM reads the same files and makes only the"
            + " handshake's JCA operations (X25519 key pairs and agreements, RSA-PSS signature and check, the"
            + " chain's two signatures, an HMAC, an AES-GCM record each way): no engine on the JDK's providers"
            + " starts faster. *Above the floor* is the engine's own share.");
        line("");
        line("| JDK | engine | median | spread | ÷ SunJSSE | above the floor |");
        line("|---|---|---:|---:|---:|---:|");
        for (String jdk : jdks) {
            Stat jdkStat = Stat.of(values(jdk, "cold_start", Engine.SUNJSSE.id(), "ms"));
            Stat floor = Stat.of(values(jdk, "cold_start", Engine.FLOOR.id(), "ms"));
            for (Engine engine : RunAll.COLD_ENGINES) {
                Stat stat = Stat.of(values(jdk, "cold_start", engine.id(), "ms"));
                if (stat == null) {
                    continue;
                }
                line("| " + jdk + " | " + engine.label() + " | " + Math.round(stat.median()) + " ms | "
                    + Math.round(stat.min()) + "–" + Math.round(stat.max()) + " ms | "
                    + (jdkStat == null ? "" : times(stat.median() / jdkStat.median())) + " | "
                    + (floor == null || engine == Engine.FLOOR ? "" : Math.round(stat.median() - floor.median()) + " ms")
                    + " |");
            }
        }
        line("");
    }

    /** Issue #5: the engine with no observer, with one that drops every event, with one that keeps them. */
    private void traceCost() {
        if (results.samples.stream().noneMatch(s -> s.scenario().startsWith(RunAll.TRACE_PREFIX))) {
            return;
        }
        line("## Trace events: the cost with no observer");
        line("");
        line("Issue #5 asks that the trace events cost nothing when no observer is installed. `TraceCostBenchmark` runs"
            + " Handshake's engine (JDK providers) with no observer, with one that drops every event, and with one"
            + " that counts them and keeps the last (so every event escapes); same JMH settings as above. With no"
            + " observer the engine builds no event object, so its row is the engine's cost without tracing; the"
            + " bytes allocated per operation show it: a transfer with no observer allocates nothing per record.");
        line("");
        line("| JDK | scenario | observer | throughput | spread | ÷ none | bytes allocated per op |");
        line("|---|---|---|---:|---:|---:|---:|");
        for (String jdk : jdks) {
            for (String id : TraceCostBenchmark.SCENARIOS) {
                Scenario scenario = Scenario.of(id);
                String recorded = RunAll.TRACE_PREFIX + id;
                Stat none = Stat.of(values(jdk, recorded, "none", "ops"));
                for (String observer : TraceCostBenchmark.OBSERVERS) {
                    List<Double> ops = values(jdk, recorded, observer, "ops");
                    if (!values(jdk, recorded, observer, "error").isEmpty()) {
                        errors.add("JDK " + jdk + ", trace cost of `" + id + "`, observer " + observer
                            + ": see the JMH log");
                    }
                    Stat stat = Stat.of(ops);
                    if (stat == null) {
                        continue;
                    }
                    double scale = scenario.kind() == Scenario.Kind.TRANSFER ? Scenario.RECORD_BYTES / 1e6 : 1;
                    String unit = scenario.kind() == Scenario.Kind.TRANSFER ? " MB/s" : " hs/s";
                    Stat alloc = Stat.of(values(jdk, recorded, observer, "alloc"));
                    line("| " + jdk + " | `" + id + "` | " + observer + " | " + number(stat.median() * scale) + unit
                        + " | ±" + percent(stat.spreadPercent()) + " | "
                        + (none == null ? "" : times(stat.median() / none.median())) + " | "
                        + (alloc == null ? "" : bytes(alloc.median())) + " |");
                }
            }
        }
        line("");
    }

    /** The targets of issue #6, item 6, each with where Handshake stands on each JDK. */
    private void targets() {
        line("## Issue #6 targets: where Handshake stands");
        line("");
        StringBuilder head = new StringBuilder("| target |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String jdk : jdks) {
            head.append(" JDK ").append(jdk).append(" |");
            rule.append("---|");
        }
        line(head.toString());
        line(rule.toString());
        targetRow("Full handshakes with the JDK's providers ≥ 90% of the floor (Handshake ÷ floor JDK, each full"
            + " scenario)", jdk -> perScenario(jdk, Scenario.Kind.FULL, Engine.HANDSHAKE, Engine.FLOOR, 0.90, true));
        targetRow("With ACCP ≥ Conscrypt on every handshake scenario (Handshake+ACCP ÷ Conscrypt)",
            jdk -> perScenario(jdk, null, Engine.HANDSHAKE_ACCP, Engine.CONSCRYPT, 1.0, false));
        targetRow("Bulk wrap + unwrap ≥ 95% of raw JCA AEAD (Handshake ÷ floor JDK)",
            jdk -> perScenario(jdk, Scenario.Kind.TRANSFER, Engine.HANDSHAKE, Engine.FLOOR, 0.95, true));
        targetRow("Bulk: 0 bytes allocated per record (Handshake; the JCA cipher's own allocations included)", jdk -> {
            StringBuilder cell = new StringBuilder();
            boolean met = true;
            for (Scenario scenario : List.of(Scenario.TRANSFER_AES128GCM_16K, Scenario.TRANSFER_CHACHA20_16K)) {
                Stat stat = Stat.of(values(jdk, scenario.id(), Engine.HANDSHAKE.id(), "alloc"));
                Stat floor = Stat.of(values(jdk, scenario.id(), Engine.FLOOR.id(), "alloc"));
                if (stat != null) {
                    cell.append(shortName(scenario)).append(' ').append(bytes(stat.median()))
                        .append(floor == null ? "" : " (raw JCA alone: " + bytes(floor.median()) + ")").append("; ");
                    met &= stat.median() < 1;
                }
            }
            return cell.isEmpty() ? "" : cell + verdict(met);
        });
        targetRow("≤ 2 KiB retained per idle connection side (SunJSSE keeps 5–7 KiB)", jdk -> {
            Double client = single(jdk, "idle_tls13", Engine.HANDSHAKE, "client_bytes");
            Double server = single(jdk, "idle_tls13", Engine.HANDSHAKE, "server_bytes");
            if (client == null || server == null) {
                return "";
            }
            return "client " + bytes(client) + ", server " + bytes(server) + "; "
                + verdict(client <= 2048 && server <= 2048);
        });
        targetRow("Cold start ≤ 0.7 × SunJSSE's", jdk -> {
            Stat ours = Stat.of(values(jdk, "cold_start", Engine.HANDSHAKE.id(), "ms"));
            Stat theirs = Stat.of(values(jdk, "cold_start", Engine.SUNJSSE.id(), "ms"));
            if (ours == null || theirs == null) {
                return "";
            }
            double ratio = ours.median() / theirs.median();
            Stat floor = Stat.of(values(jdk, "cold_start", Engine.FLOOR.id(), "ms"));
            String own = floor == null ? "" : " (above the JCA floor: " + Math.round(ours.median() - floor.median())
                + " ms, SunJSSE " + Math.round(theirs.median() - floor.median()) + " ms)";
            return times(ratio) + own + "; " + verdict(ratio <= 0.7);
        });
        line("");
    }

    private interface Cell {
        String of(String jdk);
    }

    private void targetRow(String target, Cell cell) {
        StringBuilder row = new StringBuilder("| " + target + " |");
        for (String jdk : jdks) {
            row.append(' ').append(cell.of(jdk)).append(" |");
        }
        line(row.toString());
    }

    /** The ratio of two engines on each scenario of a kind (all handshakes when kind is null), worst first. */
    private String perScenario(String jdk, Scenario.Kind kind, Engine engine, Engine against, double target,
                               boolean asPercent) {
        List<String> parts = new ArrayList<>();
        boolean met = true;
        double worst = Double.MAX_VALUE;
        String worstName = "";
        for (Scenario scenario : Scenario.values()) {
            boolean wanted = kind == null ? scenario.kind() != Scenario.Kind.TRANSFER : scenario.kind() == kind;
            Stat ours = wanted ? Stat.of(values(jdk, scenario.id(), engine.id(), "ops")) : null;
            Stat theirs = wanted ? Stat.of(values(jdk, scenario.id(), against.id(), "ops")) : null;
            if (ours == null || theirs == null) {
                continue;
            }
            double ratio = ours.median() / theirs.median();
            met &= ratio >= target;
            if (ratio < worst) {
                worst = ratio;
                worstName = shortName(scenario);
            }
            parts.add(shortName(scenario) + " " + (asPercent ? percent(ratio * 100) : times(ratio)));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return String.join(", ", parts) + "; " + verdict(met) + (met ? "" : " (worst: " + worstName + ")");
    }

    private static String shortName(Scenario scenario) {
        return scenario.id().replace("full_", "").replace("_16k", "");
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    private void histograms() {
        List<Results.Sample> rows = results.samples.stream().filter(s -> s.metric().startsWith("histogram.")).toList();
        if (rows.isEmpty()) {
            return;
        }
        line("## What an idle connection keeps");
        line("");
        line("The classes that grow with the number of idle connections (JVM class histogram, the same as"
            + " `jcmd <pid> GC.class_histogram`, with and without one side's 2,000 connections), per connection,"
            + " JDK " + rows.get(0).jdk() + ".");
        line("");
        for (Engine engine : RunAll.HEAP_ENGINES) {
            for (String side : List.of("client", "server")) {
                List<Results.Sample> mine = rows.stream()
                    .filter(s -> s.engine().equals(engine.id()) && s.metric().equals("histogram." + side)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                line("**" + engine.label() + ", " + side + " side:** "
                    + String.join(", ", mine.stream().limit(8).map(s -> {
                        String[] f = s.note().split(" ");
                        return "`" + f[0] + "` × " + f[1] + " = " + String.format(Locale.ROOT, "%,d",
                            Long.parseLong(f[2])) + " B";
                    }).toList()) + ".");
                line("");
            }
        }
    }

    private void configuration() {
        line("## What each scenario is");
        line("");
        line("Every operation is a fresh client and server in memory on one thread, no sockets; the client"
            + " validates the server's chain (root → intermediate → leaf; the root is the only trust anchor) and"
            + " the host name `localhost`, then one byte of application data goes each way. Transfers are one"
            + " 16 KiB record (2^14 bytes of plaintext) wrapped by the client and unwrapped by the server of an"
            + " established pair.");
        line("");
        line("| scenario | version | suite | chain | floor (per operation) |");
        line("|---|---|---|---|---|");
        for (Scenario scenario : Scenario.values()) {
            line("| `" + scenario.id() + "` | " + scenario.protocol() + " | `" + scenario.suite() + "` | "
                + (scenario.keyType().name().startsWith("RSA") ? "RSA-2048" : "ECDSA P-256") + " | "
                + floorText(scenario) + " |");
        }
        line("");
        line("Configuration, the same for every engine where the engine allows it:");
        line("");
        line("- One protocol version and one suite per scenario; key exchange x25519 (SunJSSE through"
            + " `jdk.tls.namedGroups`, which JDK 17 has no per-engine setting for: `x25519` in TLS 1.3, where a JDK 17"
            + " client given two groups makes a key share for each; `x25519,secp256r1` in TLS 1.2, where an ECDSA"
            + " chain needs its curve listed). JDK 24+ disables `TLS_RSA_*`: the bench JVMs re-enable it for"
            + " `full_tls12_rsa_kx`.");
        line("- *Full* handshakes never resume: Handshake's client keeps no ticket; SunJSSE's and Conscrypt's client"
            + " contexts cache one session and every client engine is made for a new port (JSSE caches by host and"
            + " port). Servers keep their defaults (tickets on). *Resumed*: one client context (Handshake: one"
            + " `SessionCache`) for all, each handshake using a ticket from the previous one; checked before measuring"
            + " (SunJSSE and Conscrypt: the trust manager is not called).");
        line("- SunJSSE and Conscrypt: the JDK's PKIX `TrustManagerFactory` with the root, endpoint identification"
            + " `HTTPS`; the server's key and chain from a fixed `X509ExtendedKeyManager` (no key-store lookups)."
            + " Conscrypt reports a TLS 1.3 server as auth type `GENERIC`, which the JDK's trust manager does not"
            + " know: it is passed on as `UNKNOWN`, as SunJSSE itself does. Handshake: `CertificateVerifier.trusting"
            + "(TrustAnchors.of(root))`.");
        line("- Buffers: heap `ByteBuffer`s for Handshake and SunJSSE, direct ones for Conscrypt (BoringSSL reads"
            + " and writes them in place), all reused from operation to operation; 64 KiB for the network and for"
            + " the received data, so every engine can open a record straight into the application's buffer.");
        line("- Conscrypt's TLS 1.3 suites cannot be chosen (BoringSSL picks AES-GCM on a CPU with AES instructions):"
            + " its `transfer_chacha20_16k` is TLS 1.2 `TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256`. SunJSSE's"
            + " TLS 1.3 ChaCha20 records carry at most 16,367 bytes of plaintext, so its 16 KiB takes two records.");
        line("- ACCP 2.5.0 has no X25519 and no ChaCha20-Poly1305: Handshake+ACCP and floor ACCP use the JDK's"
            + " for those (ACCP does RSA, ECDSA, AES-GCM, SHA-2, HMAC). Handshake checks certificate signatures"
            + " with `Signature.getInstance` (`dev.handshake.pki.Signatures`), not through its `CryptoProvider`, so"
            + " with ACCP its chain checks stay on the JDK's providers; the ACCP floor does them with ACCP.");
        line("- The JDK's `X509Certificate` remembers that its signature verified with a key, and its"
            + " `CertificateFactory` returns the same object for DER it decoded recently; Handshake remembers"
            + " verified signatures too (`dev.handshake.pki.VerifiedSignatures`: keyed by the certificate's exact"
            + " bytes and the issuer's key, 512 entries). Both, receiving the same chain again, skip the two"
            + " chain verifications the floor counts, so they can beat the floor where"
            + " verifying is dear (ECDSA on JDK 17).");
        line("- Floor: the public-key operations on JCA objects made once (`Floor.java`); hashing, HKDF/PRF,"
            + " parsing and the rest are not counted. Transfers: one AEAD seal and one open of a 16 KiB record"
            + " with a fresh nonce.");
        line("");
    }

    private static String floorText(Scenario scenario) {
        return switch (scenario.kind()) {
            case TRANSFER -> "AEAD seal + open of 16,385 bytes";
            case RESUMED -> "2 × x25519 key pair, 2 × x25519 agreement";
            case FULL -> scenario.serverSigns()
                ? "2 × x25519 key pair, 2 × agreement, 1 signature, 3 verifications (handshake, leaf, intermediate)"
                : "RSA encrypt + decrypt of the premaster secret, 2 verifications (leaf, intermediate)";
        };
    }

    private void findings() {
        if (!Files.exists(FINDINGS)) {
            return;
        }
        try {
            line(Files.readString(FINDINGS).stripTrailing());
            line("");
        } catch (IOException e) {
            line("(bench/findings.md could not be read: " + e.getMessage() + ")");
        }
    }

    // --- figures ---

    private List<Double> values(String jdk, String scenario, String engine, String metric) {
        List<Double> values = new ArrayList<>();
        for (Results.Sample sample : results.samples) {
            if (sample.jdk().equals(jdk) && sample.scenario().equals(scenario) && sample.engine().equals(engine)
                && sample.metric().equals(metric)) {
                values.add(sample.value());
            }
        }
        return values;
    }

    private Double single(String jdk, String scenario, Engine engine, String metric) {
        Stat stat = Stat.of(values(jdk, scenario, engine.id(), metric));
        return stat == null ? null : stat.median();
    }

    /** Handshakes/s, or MB/s for transfers. */
    private Stat throughput(String jdk, Scenario scenario, Engine engine) {
        List<Double> ops = values(jdk, scenario.id(), engine.id(), "ops");
        if (scenario.kind() == Scenario.Kind.TRANSFER) {
            ops.replaceAll(o -> o * Scenario.RECORD_BYTES / 1e6);
        }
        return Stat.of(ops);
    }

    private String failedOrBlank(String jdk, Scenario scenario, Engine engine) {
        for (Results.Sample sample : results.samples) {
            if (sample.jdk().equals(jdk) && sample.scenario().equals(scenario.id())
                && sample.engine().equals(engine.id()) && sample.metric().equals("error")) {
                errors.add("JDK " + jdk + ", `" + scenario.id() + "`, " + engine.label() + ": " + sample.note());
                return "failed";
            }
        }
        return "";
    }

    private String ratio(String jdk, Scenario scenario, Engine engine, Engine against, boolean asPercent) {
        return ratio(jdk, scenario, engine, against, asPercent, "ops");
    }

    /** {@code metric}: "ops" for wall-clock throughput, "cpu_ops" for operations per CPU-second. */
    private String ratio(String jdk, Scenario scenario, Engine engine, Engine against, boolean asPercent,
                         String metric) {
        Stat ours = Stat.of(values(jdk, scenario.id(), engine.id(), metric));
        Stat theirs = Stat.of(values(jdk, scenario.id(), against.id(), metric));
        if (ours == null || theirs == null) {
            return "";
        }
        double ratio = ours.median() / theirs.median();
        return asPercent ? percent(ratio * 100) : times(ratio);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f%%" : "%.1f%%", value);
    }

    private static String times(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String bytes(Double value) {
        if (value == null) {
            return "";
        }
        if (Math.abs(value) >= 10 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", value / 1024);
        }
        return String.format(Locale.ROOT, "%,.0f B", value);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
