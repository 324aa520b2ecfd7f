package io.github.cameltextme.otp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executable jar as users run it: {@code java -jar ... --port 0}. Runs after packaging (failsafe), with nothing
 * but the JDK on its own classpath, so it also proves the jar carries its (relocated) dependencies.
 * <p>
 * A JVM that starts with SIGINT ignored (as Maven run in the background, under nohup or by some CI agents passes it
 * on) never installs its SIGINT handler: the SIGINT test starts the jar through {@code env --default-signal=INT}
 * (coreutils 8.31+), which gives the signal back its default, and skips, saying why, where {@code env} cannot.
 */
class StandaloneJarIT {

    private static final Pattern API_URL = Pattern.compile("API:\\s+(http://127\\.0\\.0\\.1:\\d+/api)\\s");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final String END_OF_OUTPUT = "\u0000end";

    private static final List<String> DEFAULT_SIGINT = List.of("env", "--default-signal=INT");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private static Path jar() {
        String jar = System.getProperty("textme.simulator.jar");
        assertNotNull(jar, "system property textme.simulator.jar");
        return Path.of(jar);
    }

    private Process startJar(String... args) throws IOException {
        return startJar(List.of(), args);
    }

    /** Starts the jar, its command line prefixed with {@code launcher} (e.g. {@link #DEFAULT_SIGINT}). */
    private Process startJar(List<String> launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    /** Lines of the process's output as they come; {@link #END_OF_OUTPUT} when it ends. */
    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                lines.add("read failed: " + e);
            } finally {
                lines.add(END_OF_OUTPUT);
            }
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String needle, StringBuilder seen) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                break;
            }
            seen.append(line).append('\n');
            if (line.contains(needle)) {
                return line;
            }
        }
        throw new AssertionError("no line with '" + needle + "' in output:\n" + seen);
    }

    private static String balance(String apiUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer demo-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"balance\":{\"user\":{\"username\":\"demo\"}}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Whether this machine's {@code env} can reset a signal to its default (GNU coreutils 8.31+). */
    private static boolean envResetsSigint() throws InterruptedException {
        try {
            List<String> command = new ArrayList<>(DEFAULT_SIGINT);
            command.add("true");
            Process env = new ProcessBuilder(command).redirectErrorStream(true).start();
            env.getInputStream().transferTo(OutputStream.nullOutputStream());
            return env.waitFor(15, TimeUnit.SECONDS) && env.exitValue() == 0;
        } catch (IOException noEnv) {
            return false;
        }
    }

    private void assertRunsAndStopsOn(String signal, List<String> launcher) throws Exception {
        Process process = startJar(launcher, "--port", "0");
        BlockingQueue<String> lines = lines(process);
        StringBuilder seen = new StringBuilder();
        Matcher api = API_URL.matcher(awaitLine(lines, "API:", seen) + " ");
        assertTrue(api.find(), seen.toString());
        assertTrue(awaitLine(lines, "Inbox:", seen).contains("http://127.0.0.1:"));
        assertTrue(awaitLine(lines, "Account:", seen).contains("demo"));
        assertFalse(seen.toString().contains("demo-token"), "the token is not printed");

        assertTrue(balance(api.group(1)).startsWith("{\"status\":0,"));

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "stopped on SIG" + signal);
        awaitLine(lines, "stopped", seen);
    }

    @Test
    void startsPrintsTheUrlsAnswersAndStopsOnSigterm() throws Exception {
        assertRunsAndStopsOn("TERM", List.of());
    }

    @Test
    void stopsOnSigint() throws Exception {
        assumeTrue(envResetsSigint(), "'env --default-signal=INT' (GNU coreutils 8.31+) is not available here, and"
                + " without it the jar inherits Maven's SIGINT disposition, which may be 'ignored'");
        assertRunsAndStopsOn("INT", DEFAULT_SIGINT);
    }

    @Test
    void aTakenPortExitsWithOneLineNamingThePortOption() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = startJar("--port", String.valueOf(holder.getLocalPort()));
            BlockingQueue<String> lines = lines(process);
            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "exits");
            List<String> output = new ArrayList<>();
            for (String line = lines.poll(15, TimeUnit.SECONDS); line != null && !line.equals(END_OF_OUTPUT);
                 line = lines.poll(15, TimeUnit.SECONDS)) {
                output.add(line);
            }

            assertEquals(1, process.exitValue(), String.join("\n", output));
            assertEquals(List.of("error: cannot listen on 127.0.0.1:" + holder.getLocalPort() + ", the port is taken (or"
                    + " the address is not this machine's): choose another with --port N, or --port 0 for a free one."),
                    output);
        }
    }

    @Test
    void helpPrintsUsage() throws Exception {
        Process process = startJar("--help");
        BlockingQueue<String> lines = lines(process);
        awaitLine(lines, "--port", new StringBuilder());
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    @Test
    void unknownOptionExitsWithUsageError() throws Exception {
        Process process = startJar("--nope");
        BlockingQueue<String> lines = lines(process);
        awaitLine(lines, "unknown option: --nope", new StringBuilder());
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
    }

    @Test
    void jarHoldsRelocatedJacksonAndNoJUnit() throws IOException {
        File file = jar().toFile();
        try (JarFile jar = new JarFile(file)) {
            assertEquals(SimulatorMain.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> names = jar.stream().map(entry -> entry.getName()).toList();
            assertTrue(names.stream().anyMatch(name -> name.startsWith("io/github/cameltextme/otp/simulator/shaded/jackson/databind/")));
            assertFalse(names.stream().anyMatch(name -> name.contains("com/fasterxml/")), "unrelocated Jackson");
            assertFalse(names.stream().anyMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/opentest4j/")), "JUnit");
            assertTrue(names.contains("io/github/cameltextme/otp/simulator/inbox.html"));
        }
    }
}
