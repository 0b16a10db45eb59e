package dev.handshake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code handshake} command. */
@Command(name = "handshake", mixinStandardHelpOptions = true, version = "handshake 0.1.0",
    description = "A TLS stack you can read, trace and trust.",
    subcommands = {DemoCommand.class, ConnectCommand.class, ServeCommand.class, VerifyCommand.class, CertsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final int EXIT_OK = 0;
    /** A handshake or connection failed with a TLS alert. */
    static final int EXIT_TLS = 1;
    /** Bad options or arguments, or a file that cannot be read; also what picocli returns for usage errors. */
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** The network failed: unknown host, refused, reset, timed out. */
    static final int EXIT_NETWORK = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
