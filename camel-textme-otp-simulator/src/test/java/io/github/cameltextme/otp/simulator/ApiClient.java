package io.github.cameltextme.otp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP calls to a running simulator with the JDK's HttpClient. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final TextMeSimulator sim;

    ApiClient(TextMeSimulator sim) {
        this.sim = sim;
    }

    /** POSTs {@code request} to /api with the simulator's first account's token; expects HTTP 200 and JSON. */
    JsonNode post(Object request) {
        return post(sim.apiUrl(), request, sim.token());
    }

    /** POSTs {@code request} to /api/test with the simulator's first account's token. */
    JsonNode postTest(Object request) {
        return post(sim.testApiUrl(), request, sim.token());
    }

    /** POSTs to {@code url} with {@code token} as bearer token ({@code null}: no Authorization header). */
    JsonNode post(String url, Object request, String token) {
        HttpResponse<String> response = send(postRequest(url, body(request), token).build());
        assertEquals(200, response.statusCode(), "HTTP status; body: " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type " + response.headers().firstValue("Content-Type"));
        return parse(response.body());
    }

    HttpRequest.Builder postRequest(String url, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return trySend(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> trySend(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static String body(Object request) {
        if (request instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the answer's status, showing the message when it differs; status must be a JSON number. */
    static void assertStatus(int expected, JsonNode answer) {
        assertTrue(answer.path("status").isInt(), "status is a JSON number in " + answer);
        assertEquals(expected, answer.get("status").intValue(), () -> "status of " + answer);
        assertTrue(answer.path("message").isTextual(), "message is a string in " + answer);
    }
}
