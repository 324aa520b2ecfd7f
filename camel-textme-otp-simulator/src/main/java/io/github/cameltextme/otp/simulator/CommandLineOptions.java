package io.github.cameltextme.otp.simulator;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The standalone jar's command line:
 * {@code [--host H] [--port N] [--username U] [--token T] [--history N] [--help]}.
 */
record CommandLineOptions(String host, int port, String username, String token, int history, boolean help) {

    static final int DEFAULT_PORT = 8765;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar camel-textme-otp-simulator.jar [options]",
            "",
            "A local stand-in for the TextMe SMS OTP API, with an SMS inbox web page.",
            "",
            "Options:",
            "  --port N        port to listen on (default " + DEFAULT_PORT + "; 0 picks a free port)",
            "  --host H        address to bind (default 127.0.0.1; 0.0.0.0 serves other machines too)",
            "  --username U    account username (default " + TextMeSimulator.DEFAULT_USERNAME + ")",
            "  --token T       account API token (default " + TextMeSimulator.DEFAULT_TOKEN + ")",
            "  --history N     how many of the newest SMS and API requests to keep (default "
                    + TextMeSimulator.DEFAULT_HISTORY + ")",
            "  --help          show this help",
            "",
            "Options also take the form --port=N. Stop with Ctrl-C.");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message fit for the user. */
    static CommandLineOptions parse(String... args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        String username = TextMeSimulator.DEFAULT_USERNAME;
        String token = TextMeSimulator.DEFAULT_TOKEN;
        int history = TextMeSimulator.DEFAULT_HISTORY;
        boolean help = false;
        Deque<String> remaining = new ArrayDeque<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                remaining.add(arg.substring(0, equals));
                remaining.add(arg.substring(equals + 1));
            } else {
                remaining.add(arg);
            }
        }
        while (!remaining.isEmpty()) {
            String option = remaining.removeFirst();
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--host" -> host = value(option, remaining);
                case "--port" -> port = port(value(option, remaining));
                case "--username" -> username = value(option, remaining);
                case "--token" -> token = value(option, remaining);
                case "--history" -> history = history(value(option, remaining));
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        return new CommandLineOptions(host, port, username, token, history, help);
    }

    /** True when the account is the default one, whose token is public. */
    boolean defaultToken() {
        return TextMeSimulator.DEFAULT_TOKEN.equals(token);
    }

    private static String value(String option, Deque<String> remaining) {
        String value = remaining.pollFirst();
        if (value == null || value.isBlank() || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the value the user gave
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, was " + value);
    }

    private static int history(String value) {
        try {
            int history = Integer.parseInt(value);
            if (history >= 1) {
                return history;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the value the user gave
        }
        throw new IllegalArgumentException("--history must be a number from 1 up, was " + value);
    }

    /** Leaves out the token. */
    @Override
    public String toString() {
        return "CommandLineOptions[host=" + host + ", port=" + port + ", username=" + username + ", history=" + history
                + ", help=" + help + "]";
    }
}
