package dev.handshake.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An external program (tshark, chromium, a second JVM) run to its end within a time limit, with what it printed. */
record Program(int exitCode, String out, String err) {

    static Program run(Path directory, Duration limit, List<String> command) throws IOException, InterruptedException {
        return run(directory, limit, Map.of(), command);
    }

    /** Runs {@code command} in {@code directory} with these extra environment variables; fails when it overruns. */
    static Program run(Path directory, Duration limit, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "program-", ".out");
        Path err = Files.createTempFile(directory, "program-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectInput(Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0)
                + " (./run-tests installs tshark and chromium when missing)", e);
        }
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + limit
                + "\n--- stdout ---\n" + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err));
        }
        return new Program(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }
}
