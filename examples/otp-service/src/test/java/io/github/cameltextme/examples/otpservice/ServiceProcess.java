package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its users start it: {@link OtpServiceApplication} in a JVM of its own, on the tests' classpath, on a
 * free port, with the environment variables of the test (and none of the build's {@code TEXTME_*} or {@code OTP_*}).
 * Its output, standard and error, goes to a file, which {@link #output()} reads.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVING = "Serving; stop with Ctrl-C.";

    private final Process process;
    private final Path outputFile;
    private final int port;

    private ServiceProcess(Process process, Path outputFile, int port) {
        this.process = process;
        this.outputFile = outputFile;
        this.port = port;
    }

    /** Starts the service and returns once it says it serves; fails, with its output, when it exits or takes too long. */
    static ServiceProcess start(Map<String, String> environment) throws IOException, InterruptedException {
        ServiceProcess service = launch(environment, ServiceCalls.freePort());
        try {
            service.awaitServing();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * Starts the service on the given port and waits for it to exit; fails, with its output, when it is still running
     * after the start timeout.
     */
    static Exited runUntilExit(Map<String, String> environment, int port) throws IOException, InterruptedException {
        ServiceProcess service = launch(environment, port);
        try {
            if (!service.process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the service still runs after " + START_TIMEOUT + ":\n" + service.output());
            }
            return new Exited(service.process.exitValue(), service.output());
        } finally {
            service.close();
        }
    }

    private static ServiceProcess launch(Map<String, String> environment, int port) throws IOException {
        Path outputFile = Files.createTempFile("otp-service-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                    "-cp", System.getProperty("java.class.path"),
                                                    OtpServiceApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TEXTME_") || name.startsWith("OTP_"));
        builder.environment().putAll(environment);
        builder.environment().put("OTP_SERVICE_PORT", String.valueOf(port));
        return new ServiceProcess(builder.start(), outputFile, port);
    }

    /** Polls the output for the line the service prints once it serves, until the deadline. */
    private void awaitServing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!output().contains(SERVING)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with status " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not serve within " + START_TIMEOUT + ":\n" + output());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** The service's base URL. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the service printed so far. */
    String output() throws IOException {
        return Files.readString(outputFile);
    }

    /** How a service that exited on its own ended: its exit status and everything it printed. */
    record Exited(int status, String output) {
    }

    /** Stops the service (its shutdown hook closes Camel), forcibly when it does not stop in time. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        Files.deleteIfExists(outputFile);
    }
}
