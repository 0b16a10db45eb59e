package dev.handshake.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@code openssl} process with its output in a file, bounded waits, and a kill on close. */
final class OpenSsl implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path output;
    private final int port;

    private OpenSsl(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts {@code openssl ARGS...}, with stdout and stderr in a file in {@code dir}. */
    static OpenSsl start(Path dir, String... args) throws IOException {
        return start(dir, 0, List.of(args));
    }

    /**
     * {@code openssl s_server -www} for one version ({@code -tls1_2} or {@code -tls1_3}) on a free
     * 127.0.0.1 port, once it accepts. {@code -cert} loads only the first certificate of the chain
     * file, so {@code -cert_chain} sends the rest.
     */
    static OpenSsl server(Path dir, String version, Path cert, Path key, String... more)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:" + port,
            "-cert", cert.toString(), "-cert_chain", cert.toString(), "-key", key.toString(), "-www", version));
        args.addAll(List.of(more));
        OpenSsl server = start(dir, port, args);
        server.awaitOutput("ACCEPT");
        return server;
    }

    private static OpenSsl start(Path dir, int port, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        Path output = Files.createTempFile(dir, "openssl-" + args.get(0), ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new OpenSsl(process, output, port);
    }

    /** The port of a server; 0 for a client. */
    int port() {
        return port;
    }

    /** Writes {@code input} to stdin, closes it, and waits (bounded) for the exit; returns the output. */
    String run(String input) throws IOException, InterruptedException {
        process.getOutputStream().write(input.getBytes(StandardCharsets.ISO_8859_1));
        process.getOutputStream().close();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("openssl did not finish within " + WAIT + "; output:\n" + output());
        }
        return output();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    void awaitOutput(String fragment) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!output().contains(fragment)) {
            if (!process.isAlive() || Instant.now().isAfter(end)) {
                throw new AssertionError("openssl did not print '" + fragment + "'; output:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
