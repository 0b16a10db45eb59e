package dev.handshake.bench;

import dev.handshake.testkit.TestPki;
import dev.handshake.tls.Credential;
import dev.handshake.tls.TlsConnection;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.net.ssl.SSLEngine;

/**
 * Heap retained by idle established connections: {@code pairs} TLS 1.3 pairs (x25519, RSA-2048
 * chain), each after its handshake and one byte each way, held while the heap is measured after
 * full collections. Run in a JVM of its own, with a fixed, pre-touched heap and the serial
 * collector so that "used after GC" is exact:
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp ... dev.handshake.bench.RetainedHeap handshake 2000 [histogram]
 * }</pre>
 *
 * Prints {@code key=value} lines: bytes per client connection, per server connection, what the
 * contexts' session caches kept per connection after both sides were dropped, and the growth of the
 * process's resident memory per pair (native state such as Conscrypt's BoringSSL objects, which the
 * Java heap does not show). With {@code histogram}, also the classes that make up each side
 * (from the JVM's class histogram, the same as {@code jcmd <pid> GC.class_histogram}).
 */
public final class RetainedHeap {

    private static final int WARM_UP_PAIRS = 200;
    private static final int HISTOGRAM_ROWS = 15;

    private RetainedHeap() {
    }

    private interface PairMaker {
        Object[] establish() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.of(args[0]);
        int pairs = Integer.parseInt(args[1]);
        boolean histogram = args.length > 2 && args[2].equals("histogram");
        Scenario scenario = Scenario.FULL_TLS13_X25519_RSA2048;
        Providers.prepareJvm(scenario);
        TestPki pki = TestPki.of(scenario.keyType());
        PairMaker maker = maker(engine, scenario, pki.server().credential(), pki.root());

        for (int i = 0; i < WARM_UP_PAIRS; i++) {
            maker.establish();
        }
        long base = usedAfterGc();
        long rssBase = residentBytes();
        Object[] clients = new Object[pairs];
        Object[] servers = new Object[pairs];
        for (int i = 0; i < pairs; i++) {
            Object[] pair = maker.establish();
            clients[i] = pair[0];
            servers[i] = pair[1];
        }
        long both = usedAfterGc();
        long rssBoth = residentBytes();
        Map<String, long[]> histogramBoth = histogram ? histogram() : null;
        Arrays.fill(servers, null);
        long clientsOnly = usedAfterGc();
        Map<String, long[]> histogramClients = histogram ? histogram() : null;
        Reference.reachabilityFence(clients);
        Arrays.fill(clients, null);
        long none = usedAfterGc();
        Map<String, long[]> histogramNone = histogram ? histogram() : null;
        Reference.reachabilityFence(maker);

        System.out.println("pairs=" + pairs);
        if (histogram) {
            // The histograms held between measurements would skew the byte counts: print only them.
            printDifference("server", histogramBoth, histogramClients, pairs);
            printDifference("client", histogramClients, histogramNone, pairs);
            return;
        }
        System.out.println("client_bytes=" + (clientsOnly - none) / pairs);
        System.out.println("server_bytes=" + (both - clientsOnly) / pairs);
        System.out.println("cache_bytes=" + (none - base) / pairs);
        System.out.println("native_bytes=" + (rssBoth - rssBase) / pairs);
    }

    private static PairMaker maker(Engine engine, Scenario scenario, Credential credential, X509Certificate root) {
        return switch (engine) {
            case HANDSHAKE, HANDSHAKE_ACCP -> {
                var handshakes = (HandshakeWorkloads.Handshakes) HandshakeWorkloads.create(scenario, credential, root,
                    engine == Engine.HANDSHAKE_ACCP ? Providers.accp() : null);
                yield () -> {
                    TlsConnection[] pair = handshakes.establish();
                    return new Object[] {pair[0], pair[1]};
                };
            }
            case SUNJSSE, CONSCRYPT -> {
                var handshakes = (JsseWorkloads.Handshakes) JsseWorkloads.create(scenario, credential, root,
                    engine == Engine.CONSCRYPT ? Providers.conscrypt() : null);
                yield () -> {
                    SSLEngine[] pair = handshakes.establish();
                    return new Object[] {pair[0], pair[1]};
                };
            }
            default -> throw new IllegalArgumentException(engine.id() + " makes no connections");
        };
    }

    /**
     * Collects until the heap stops shrinking: what is reachable only through a Cleaner or a finalizer
     * (Conscrypt's native state, some JCA objects) goes only after a few collections.
     */
    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        int unchanged = 0;
        for (int i = 0; i < 30 && unchanged < 3; i++) {
            System.gc();
            Thread.sleep(20); // lets the Cleaner and Finalizer threads run between collections
            long now = runtime.totalMemory() - runtime.freeMemory();
            unchanged = now < used ? 0 : unchanged + 1;
            used = Math.min(used, now);
        }
        return used;
    }

    /** VmRSS from /proc/self/status, or 0 where there is none. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no native figure
        }
        return 0;
    }

    /** Class name to {instances, bytes}, after a full collection. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
            new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return classes;
    }

    private static void printDifference(String side, Map<String, long[]> with, Map<String, long[]> without, int pairs) {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : with.entrySet()) {
            long[] before = without.getOrDefault(entry.getKey(), new long[2]);
            long instances = entry.getValue()[0] - before[0];
            long bytes = entry.getValue()[1] - before[1];
            if (bytes > 0) {
                rows.add(Map.entry(entry.getKey(), new long[] {instances, bytes}));
            }
        }
        rows.sort(Comparator.comparingLong((Map.Entry<String, long[]> row) -> row.getValue()[1]).reversed());
        for (Map.Entry<String, long[]> row : rows.subList(0, Math.min(HISTOGRAM_ROWS, rows.size()))) {
            System.out.printf("histogram.%s=%s %.1f %d%n", side, row.getKey(),
                (double) row.getValue()[0] / pairs, row.getValue()[1] / pairs);
        }
    }
}
