package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's package) on a free loopback port, scraping and evaluating every second, with its data in
 * a temporary directory, started for a test and stopped after it; read through its HTTP API. Skipped with a printed
 * reason where it is not installed, unless {@code TEXTME_PROMETHEUS_REQUIRED=true} (see {@link PrometheusPackage}).
 */
final class LocalPrometheus implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path directory;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalPrometheus(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts Prometheus with the given {@code scrape_configs} entries (YAML, indented as list items) and rule files,
     * and returns once it is ready.
     */
    static LocalPrometheus start(String scrapeConfigs, Path... ruleFiles) throws IOException {
        Path binary = PrometheusPackage.require(PrometheusPackage.PROMETHEUS);
        Path directory = Files.createTempDirectory("textme-prometheus");
        String rules = Stream.of(ruleFiles)
                .map(file -> "  - \"" + file.toAbsolutePath() + "\"")
                .collect(Collectors.joining("\n"));
        Path config = Files.writeString(directory.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                rules,
                "scrape_configs:",
                scrapeConfigs,
                ""));
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile())
                .start();
        LocalPrometheus prometheus = new LocalPrometheus(process, directory, port);
        try {
            prometheus.awaitReady();
        } catch (RuntimeException e) {
            String output = prometheus.output();
            prometheus.close();
            throw new IllegalStateException("Prometheus did not start:\n" + output, e);
        }
        return prometheus;
    }

    /** The {@code data} of a {@code /api/v1/query} answer: the instant vector of the expression, evaluated now. */
    JsonNode query(String expression) throws IOException, InterruptedException {
        return api("query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    /** The {@code data} of an {@code /api/v1/...} answer; fails unless its status is success. */
    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/api/v1/" + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("/api/v1/" + pathAndQuery + " answered " + answer.statusCode() + ": "
                                            + answer.body());
        }
        return body.path("data");
    }

    /** The values of one label across the series Prometheus holds, e.g. {@code __name__} for every metric name. */
    List<String> labelValues(String label) throws IOException, InterruptedException {
        List<String> values = new ArrayList<>();
        api("label/" + label + "/values").forEach(value -> values.add(value.asText()));
        return values;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What Prometheus printed so far. */
    String output() {
        try {
            return Files.readString(directory.resolve("output.log"));
        } catch (IOException e) {
            return "(its output cannot be read: " + e + ")";
        }
    }

    /** Stops Prometheus, forcibly when it does not stop in time, and deletes its directory. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Polls {@code /-/ready} until it answers 200; fails at once when the process exits. */
    private void awaitReady() {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreException(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Prometheus exited with status " + process.exitValue());
                    }
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
