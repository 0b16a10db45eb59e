package dev.handshake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code handshake} command. */
@Command(name = "handshake", mixinStandardHelpOptions = true, version = "handshake 0.1.0",
    description = "A TLS stack you can read, trace and trust.")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
