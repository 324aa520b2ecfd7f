package io.github.cameltextme.otp.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;

/** Runs the simulator from the command line until the JVM is stopped (Ctrl-C, SIGTERM). */
public final class SimulatorMain {

    private static final int PORT_TAKEN = 1;
    private static final int USAGE_ERROR = 2;

    private SimulatorMain() {
    }

    /** See {@code --help}. */
    public static void main(String[] args) {
        CommandLineOptions options;
        try {
            options = CommandLineOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(CommandLineOptions.USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        if (options.help()) {
            System.out.println(CommandLineOptions.USAGE);
            return;
        }
        TextMeSimulator simulator;
        try {
            simulator = TextMeSimulator.builder()
                    .host(options.host())
                    .port(options.port())
                    .account(options.username(), options.token())
                    .history(options.history())
                    .start();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            System.err.println(portTaken(options));
            System.exit(PORT_TAKEN);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(simulator, System.out), "textme-simulator-shutdown"));
        printStarted(simulator, options, System.out);
    }

    /** The one line printed when the port cannot be bound, naming the option that changes it. */
    private static String portTaken(CommandLineOptions options) {
        return "error: cannot listen on " + options.host() + ":" + options.port() + ", the port is taken (or the address"
                + " is not this machine's): choose another with --port N, or --port 0 for a free one.";
    }

    private static void printStarted(TextMeSimulator simulator, CommandLineOptions options, PrintStream out) {
        out.println("TextMe OTP simulator started");
        out.println("  API:      " + simulator.apiUrl() + "   (dry run: " + simulator.testApiUrl() + ")");
        out.println("  Inbox:    " + simulator.inboxUrl());
        out.println("  Account:  " + simulator.username() + ", API token "
                + (options.defaultToken() ? "the default (see --help)" : "as given with --token"));
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private static void stop(TextMeSimulator simulator, PrintStream out) {
        simulator.close();
        out.println("TextMe OTP simulator stopped");
        out.flush();
    }
}
