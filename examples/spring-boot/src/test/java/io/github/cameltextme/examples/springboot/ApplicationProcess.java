package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as it runs in production: {@link TextMeOtpExampleApplication} in a JVM of its own, on the tests'
 * classpath, on a free port, with the command-line arguments and environment variables of the test (and none of the
 * build's {@code TEXTME_*}, {@code SERVER_*}, {@code MANAGEMENT_*} or {@code CAMEL_*} variables). Its output, standard
 * and error, goes to a file, which {@link #output()} reads.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final List<String> BUILD_VARIABLE_PREFIXES = List.of("TEXTME_", "SERVER_", "MANAGEMENT_", "CAMEL_");

    private final Process process;
    private final Path outputFile;
    private final int port;

    private ApplicationProcess(Process process, Path outputFile, int port) {
        this.process = process;
        this.outputFile = outputFile;
        this.port = port;
    }

    /**
     * Starts the application and returns once its readiness probe answers 200; fails, with the application's output,
     * when it exits first or is not ready in time.
     */
    static ApplicationProcess start(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path outputFile = Files.createTempFile("spring-boot-example-", ".log");
        List<String> allArguments = new ArrayList<>(List.of("--server.port=" + port));
        allArguments.addAll(List.of(arguments));
        ApplicationProcess application = new ApplicationProcess(
                processOf(environment, outputFile, allArguments).start(), outputFile, port);
        try {
            application.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            application.close();
            throw e;
        }
        return application;
    }

    /**
     * Runs the application with these arguments until it ends by itself, as a failed start ends it, and returns its
     * exit status and output; fails when it is still running after the start's timeout.
     */
    static Ended runUntilItEnds(String... arguments) throws IOException, InterruptedException {
        Path outputFile = Files.createTempFile("spring-boot-example-", ".log");
        try {
            Process process = processOf(Map.of(), outputFile, List.of(arguments)).start();
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("the application still ran after " + START_TIMEOUT + ":\n"
                                                + Files.readString(outputFile));
            }
            return new Ended(process.exitValue(), Files.readString(outputFile));
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }

    /** How a run of the application ended. */
    record Ended(int status, String output) {
    }

    /** The application's JVM, on this test's classpath, without the build's own settings in its environment. */
    private static ProcessBuilder processOf(Map<String, String> environment, Path outputFile, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                TextMeOtpExampleApplication.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        builder.environment().keySet().removeIf(name -> BUILD_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Polls {@code /actuator/health/readiness} until it answers 200, the process exits, or the deadline passes. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(POLL_INTERVAL.multipliedBy(5)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with status " + process.exitValue() + ":\n"
                                                + output());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port is not open yet: poll again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application was not ready within " + START_TIMEOUT + ":\n" + output());
            }
            process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the application printed so far. */
    String output() throws IOException {
        return Files.readString(outputFile);
    }

    /** Stops the application, forcibly when it does not stop in time, and deletes its output. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        Files.deleteIfExists(outputFile);
    }
}
