package dev.handshake.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a benchmark (e.g. from {@code bench/profile.sh}) and prints where the time
 * and the allocations go, in terms of the code that caused them:
 *
 * <ul>
 *   <li><b>self</b>: the method on top of each sample (execution samples, and native-method samples
 *       for time in JNI code such as ACCP's or Conscrypt's; time in JIT intrinsic stubs, such as
 *       AES-GCM's, is not sampled by JFR and so is missing);</li>
 *   <li><b>by engine frame</b>: each sample charged to the innermost frame of the package given
 *       (default {@code dev.handshake}), with the line: the engine's call that led to the work, JDK
 *       callees included (e.g. a signature check, a key generation);</li>
 *   <li><b>inclusive</b>: the share of samples a method of that package is anywhere on the stack;</li>
 *   <li><b>allocations</b>: sampled allocation weight by allocated class and innermost engine frame.</li>
 * </ul>
 *
 * <pre>{@code java -cp ... dev.handshake.bench.JfrSummary recording.jfr [package-prefix] [rows]}</pre>
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String prefix = args.length > 1 ? args[1] : "dev.handshake.";
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> byEngineFrame = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
                if (!onBenchmarkThread(frames)) {
                    continue;
                }
                samples++;
                self.merge(method(frames.get(0)), 1L, Long::sum);
                byEngineFrame.merge(innermost(frames, prefix), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (method.startsWith(prefix) && !method.startsWith("dev.handshake.bench.") && seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                String allocatedClass = event.getClass("objectClass").getName();
                allocations.merge(allocatedClass + " ← " + innermost(frames, prefix), weight, Long::sum);
            }
        }
        System.out.println("samples on the benchmark thread (Java and native): " + samples);
        print("self (top of stack)", self, samples, rows, "%");
        print("by innermost " + prefix + "* frame (JDK callees included)", byEngineFrame, samples, rows, "%");
        print("inclusive, " + prefix + "* methods", inclusive, samples, rows, "%");
        print("allocation samples by class ← innermost " + prefix + "* frame (share of sampled bytes)",
            allocations, allocated, rows, "%");
    }

    /** JMH runs the benchmark in threads whose stacks pass through its generated *_jmhTest code. */
    private static boolean onBenchmarkThread(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().contains("jmh_generated")) {
                return true;
            }
        }
        return false;
    }

    private static String innermost(List<RecordedFrame> frames, String prefix) {
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (method.startsWith(prefix) && !method.startsWith("dev.handshake.bench.")) {
                return method + ":" + frame.getLineNumber();
            }
        }
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (method.startsWith("dev.handshake.bench.")) {
                return method + ":" + frame.getLineNumber() + " (harness)";
            }
        }
        return "(outside)";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int rows, String unit) {
        System.out.println();
        System.out.println("== " + title);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(rows, sorted.size()))) {
            System.out.printf(Locale.ROOT, "%6.1f%s  %s%n", 100.0 * entry.getValue() / Math.max(1, total), unit,
                entry.getKey());
        }
    }
}
