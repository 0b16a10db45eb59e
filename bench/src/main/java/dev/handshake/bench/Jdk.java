package dev.handshake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A JDK the benchmarks run on: a label ("17"), its home, and what its release file says it is. */
record Jdk(String label, Path home, int feature, String description) {

    /** {@code LABEL=HOME}, e.g. {@code 25=/usr/lib/jvm/temurin-25-jdk-amd64}. */
    static Jdk parse(String spec) {
        int equals = spec.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--jdk takes LABEL=HOME, not " + spec);
        }
        return of(spec.substring(0, equals), Path.of(spec.substring(equals + 1)));
    }

    /** The JDK this harness runs on. */
    static Jdk current() {
        return of(Integer.toString(Runtime.version().feature()), Path.of(System.getProperty("java.home")));
    }

    static Jdk of(String label, Path home) {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(home + " has no readable release file: is it a JDK?", e);
        }
        String version = unquote(release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", "?")));
        String implementor = unquote(release.getProperty("IMPLEMENTOR", "?"));
        String feature = unquote(release.getProperty("JAVA_VERSION", "0")).split("[.+-]")[0];
        return new Jdk(label, home, Integer.parseInt(feature), version + " (" + implementor + ", " + home + ")");
    }

    private static String unquote(String value) {
        return value.replace("\"", "");
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /**
     * The given options plus what this JDK needs to load Conscrypt's and ACCP's native libraries and
     * JMH without warnings (JDK 22+ asks for native access, JDK 24+ warns of sun.misc.Unsafe).
     */
    List<String> jvmArgs(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        if (feature >= 22) {
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }
}
