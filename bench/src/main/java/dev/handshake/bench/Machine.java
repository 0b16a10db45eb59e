package dev.handshake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the report says about the machine and the checkout: read from /proc and git. */
final class Machine {

    private Machine() {
    }

    static void describe(Results results) {
        results.meta("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        results.meta("cpu", firstValue("/proc/cpuinfo", "model name"));
        results.meta("memory", firstValue("/proc/meminfo", "MemTotal"));
        results.meta("kernel", read("/proc/sys/kernel/osrelease"));
        results.meta("load_at_start", loadAverage());
        results.meta("commit", git("rev-parse", "--short", "HEAD"));
        results.meta("uncommitted", git("status", "--porcelain", "--untracked-files=no").isBlank() ? "no" : "yes");
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").split(" ");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
    }

    private static String firstValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String git(String... args) {
        try {
            Process process = new ProcessBuilder(prepend("git", args)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? output : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static List<String> prepend(String first, String[] rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }
}
