package dev.handshake.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code handshake serve} running in a thread of the test on a free 127.0.0.1 port; close() stops it. */
final class RunningServe implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("serving https://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final StringWriter log = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;
    private final int port;

    private RunningServe(List<String> args) throws InterruptedException {
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(log, true));
        command.setErr(new PrintWriter(log, true));
        thread = new Thread(() -> exitCode.set(command.execute(args.toArray(String[]::new))), "serve-under-test");
        thread.setDaemon(true);
        thread.start();
        awaitLog("serving https://");
        Matcher matcher = LISTENING.matcher(log());
        assertThat(matcher.find()).as("listening line in %s", log()).isTrue();
        port = Integer.parseInt(matcher.group(1));
    }

    /** Starts {@code serve --port 0} with these further options. */
    static RunningServe start(String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(options));
        return new RunningServe(args);
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String log() {
        return log.toString();
    }

    /** Waits (bounded) until the log holds {@code fragment}; fails with the log otherwise. */
    void awaitLog(String fragment) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!log().contains(fragment) && Instant.now().isBefore(end) && thread.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(log()).contains(fragment);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).as("serve stopped").isFalse();
        assertThat(exitCode.get()).as("serve's exit code; log:%n%s", log()).isZero();
    }
}
