package io.github.cameltextme.examples.quarkus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built application as users start it, {@code java -jar target/quarkus-app/quarkus-run.jar}, in a JVM of its own
 * with the environment of the test (none of the build's {@code TEXTME_*}, {@code OTP_*} or {@code QUARKUS_*}): a
 * start that cannot succeed ends with status 1 and one sentence saying what to change, and no stack trace. Runs after
 * packaging (failsafe).
 */
class RunJarIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> BUILD_VARIABLE_PREFIXES = List.of("TEXTME_", "OTP_", "QUARKUS_");

    @Test
    void aTakenPortStopsTheStartNamingTheSettingsThatChangeIt() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Exited exited = run(Map.of("OTP_SERVICE_PORT", String.valueOf(holder.getLocalPort())));

            assertEquals(1, exited.status(), exited.output());
            assertTrue(exited.output().contains("The OTP service cannot listen on 127.0.0.1:" + holder.getLocalPort()
                                                + ", the port is taken: set OTP_SERVICE_PORT (or QUARKUS_HTTP_PORT) to a"
                                                + " free port."), exited.output());
            assertNoStackTrace(exited.output());
            assertFalse(exited.output().contains("seems to be in use"), "Quarkus's own message: " + exited.output());
            holder.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, holder::accept, "no connection reached the port's holder");
        }
    }

    @Test
    void aPartialTextMeConfigurationStopsTheStartWithOneMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Exited exited = run(Map.of("OTP_SERVICE_PORT", String.valueOf(port), "TEXTME_SOURCE", "MyShop",
                                   "TEXTME_API_TOKEN", "secret-token-value"));

        assertEquals(1, exited.status(), exited.output());
        assertTrue(exited.output().contains("TextMe is only partly configured: TEXTME_API_TOKEN (textme.api-token),"
                                            + " TEXTME_SOURCE (textme.source) are set, but TEXTME_USERNAME"
                                            + " (textme.username) is missing."), exited.output());
        assertNoStackTrace(exited.output());
        assertFalse(exited.output().contains("secret-token-value"), exited.output());
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception:") || output.contains("Caused by"),
                    "a stack trace: " + output);
    }

    /** Runs the jar until it exits; fails, with its output, when it still runs after the timeout. */
    private static Exited run(Map<String, String> environment) throws IOException, InterruptedException {
        String jar = System.getProperty("textme.quarkus.jar");
        assertNotNull(jar, "system property textme.quarkus.jar");
        Path output = Files.createTempFile("quarkus-run-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                           "-jar", jar));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> BUILD_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("still running after " + EXIT_TIMEOUT + ":\n" + Files.readString(output));
            }
            return new Exited(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Exited(int status, String output) {
    }
}
