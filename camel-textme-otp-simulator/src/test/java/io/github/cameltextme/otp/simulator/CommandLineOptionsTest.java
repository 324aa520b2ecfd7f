package io.github.cameltextme.otp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineOptionsTest {

    @Test
    void defaults() {
        CommandLineOptions options = CommandLineOptions.parse();
        assertEquals(new CommandLineOptions("127.0.0.1", CommandLineOptions.DEFAULT_PORT, "demo", "demo-token",
                TextMeSimulator.DEFAULT_HISTORY, false), options);
        assertTrue(options.defaultToken());
    }

    @Test
    void everyOptionInBothForms() {
        assertEquals(new CommandLineOptions("0.0.0.0", 0, "alice", "secret", 50, false),
                CommandLineOptions.parse("--port", "0", "--host", "0.0.0.0", "--username", "alice", "--token", "secret",
                        "--history", "50"));
        assertEquals(new CommandLineOptions("127.0.0.1", 9000, "bob", "t=1", 1, false),
                CommandLineOptions.parse("--port=9000", "--username=bob", "--token=t=1", "--history=1"));
        assertTrue(CommandLineOptions.parse("--help").help());
        assertTrue(CommandLineOptions.parse("-h").help());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--port=x", "--port=70000", "--port=-1", "--username", "--token=", "--verbose", "8080",
        "--history=0", "--history=x", "--history"})
    void badArgumentsAreRejected(String arg) {
        assertThrows(IllegalArgumentException.class, () -> CommandLineOptions.parse(arg));
    }

    @Test
    void optionFollowedByAnotherOptionLacksItsValue() {
        assertThrows(IllegalArgumentException.class, () -> CommandLineOptions.parse("--token", "--port", "1"));
    }

    @Test
    void toStringLeavesOutTheToken() {
        CommandLineOptions options = CommandLineOptions.parse("--token", "very-secret");
        assertFalse(options.toString().contains("very-secret"));
        assertFalse(options.defaultToken());
    }

    @Test
    void usageNamesEveryOption() {
        for (String option : new String[] {"--port", "--host", "--username", "--token", "--history", "--help"}) {
            assertTrue(CommandLineOptions.USAGE.contains(option), option);
        }
    }
}
