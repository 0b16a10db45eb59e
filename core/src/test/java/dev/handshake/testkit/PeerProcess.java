package dev.handshake.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A peer program (openssl, gnutls-serv, ...) with its output captured. Every wait is bounded by
 * {@link Waits#TIMEOUT}; a wait that runs out kills the process tree and fails with the output.
 */
final class PeerProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;

    private PeerProcess(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdout = new CapturedOutput(process.getInputStream(), command.get(0) + " stdout");
        this.stderr = new CapturedOutput(process.getErrorStream(), command.get(0) + " stderr");
    }

    static PeerProcess start(List<String> command, Path workingDirectory) {
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
            return new PeerProcess(command, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0)
                + " (./run-tests installs the peer programs the interop tests need): " + command, e);
        }
    }

    /** How many times the text occurs in the output, e.g. "KEYUPDATE" in s_client's stderr. */
    static int occurrences(String output, String text) {
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /** A new, empty file in the directory for a program's log, e.g. openssl's -msgfile. */
    static Path logFile(Path directory, String program) {
        try {
            return Files.createTempFile(directory, program + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stdout() {
        return stdout.text();
    }

    String stderr() {
        return stderr.text();
    }

    /**
     * Waits (bounded) until the program says it is ready. If it exits, reports a failure or runs
     * out of time first, this closes it and fails with its output.
     */
    void awaitReady(String what, BooleanSupplier ready, BooleanSupplier failed) {
        try {
            Waits.until(what, () -> ready.getAsBoolean() || failed.getAsBoolean() || !process.isAlive(),
                this::diagnostics);
            if (!ready.getAsBoolean()) {
                throw new AssertionError(command.get(0) + " failed before " + what + "\n" + diagnostics());
            }
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    /** Writes to the program's stdin. A program that has already exited (a failed handshake) is ignored. */
    void write(String input) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            if (process.isAlive()) {
                throw new UncheckedIOException("could not write to " + command.get(0), e);
            }
        }
    }

    /** Ends the program's stdin (end of file). */
    void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Closing the pipe of a program that has exited: nothing left to tell it.
        }
    }

    /**
     * Runs a client program's side of a conversation and returns its exit code. Writes the input;
     * then, if a reply is expected, waits for it on stdout (or for the program to exit) and ends
     * stdin, so the client closes first; with no reply expected (null), keeps stdin open until the
     * program exits because the server closed. Every wait is bounded.
     */
    int converse(String input, String expectedReply) {
        write(input);
        if (expectedReply != null) {
            Waits.until("'" + expectedReply.strip() + "' on the stdout of " + command.get(0),
                () -> stdout().contains(expectedReply) || !process.isAlive(), this::diagnostics);
            closeInput();
        }
        return awaitExit();
    }

    /** Waits (bounded) until the condition holds; fails with the program's output if it exits first. */
    void await(String what, BooleanSupplier condition) {
        Waits.until(what, () -> condition.getAsBoolean() || !process.isAlive(), this::diagnostics);
        if (!condition.getAsBoolean()) {
            stdout.awaitEnd();   // the program exited: its last output may still be in the pipe
            stderr.awaitEnd();
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError(command.get(0) + " exited before " + what + "\n" + diagnostics());
        }
    }

    /** Waits (bounded) until the program exits on its own; returns its exit code. */
    int awaitExit() {
        Waits.until(command.get(0) + " to exit", () -> !process.isAlive(), this::diagnostics);
        stdout.awaitEnd();
        stderr.awaitEnd();
        return process.exitValue();
    }

    /** The command line and everything the program printed, for assertion messages. */
    String diagnostics() {
        String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return "command: " + String.join(" ", command) + "\n(" + exit + ")"
            + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    /** Destroys the program and anything it started, waiting a bounded time for each to go. */
    @Override
    public void close() {
        closeInput();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stdout.awaitEnd();
        stderr.awaitEnd();
    }
}
