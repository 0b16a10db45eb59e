package dev.handshake.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of a run, one per line of a TSV file, written as they come:
 * {@code jdk round scenario engine metric value note}; lines whose first field is {@code meta} hold
 * the run's description ({@code meta key value}).
 */
final class Results implements AutoCloseable {

    /** One figure: an iteration's ops/s, a run's allocation per op, a retained-heap count, a cold start... */
    record Sample(String jdk, int round, String scenario, String engine, String metric, double value, String note) {
    }

    private final BufferedWriter out;
    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> meta = new LinkedHashMap<>();

    private Results(BufferedWriter out) {
        this.out = out;
    }

    static Results create(Path file) throws IOException {
        return new Results(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    static Results read(Path file) throws IOException {
        Results results = new Results(null);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("meta")) {
                results.meta.put(f[1], f[2]);
            } else if (f.length >= 7) {
                results.samples.add(new Sample(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4],
                    Double.parseDouble(f[5]), f[6]));
            }
        }
        return results;
    }

    void meta(String key, String value) {
        meta.put(key, value);
        write("meta\t" + key + "\t" + clean(value));
    }

    void add(String jdk, int round, String scenario, String engine, String metric, double value, String note) {
        samples.add(new Sample(jdk, round, scenario, engine, metric, value, note));
        write(String.join("\t", jdk, Integer.toString(round), scenario, engine, metric, Double.toString(value),
            clean(note)));
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }

    private void write(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
