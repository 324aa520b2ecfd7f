package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.simulator.RecordedRequest;
import io.github.cameltextme.otp.simulator.TextMeSimulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actuator's health endpoint and its groups, read over HTTP as a load balancer or Kubernetes probe would. */
final class HealthEndpoint {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ids of the textme-otp producers' checks start so, among Camel's in camelHealth's details. */
    private static final String TEXTME_CHECK = "producer:textme-otp-";

    private final URI baseUri;

    HealthEndpoint(int port) {
        this.baseUri = URI.create("http://localhost:" + port);
    }

    /** A health answer: its status, the body as sent and as JSON. */
    record Answer(int status, String text, JsonNode body) {
    }

    /** GET /actuator/health, or a group of it with the path after it, e.g. "/readiness". */
    Answer get(String group) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(baseUri.resolve("/actuator/health" + group)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    /** The textme-otp producers' checks in /actuator/health's camelHealth details, id to status. */
    static Map<String, String> textMeChecks(JsonNode health) {
        Map<String, String> checks = new TreeMap<>();
        health.path("components").path("camelHealth").path("details").fields().forEachRemaining(detail -> {
            if (detail.getKey().startsWith(TEXTME_CHECK) && detail.getValue().isTextual()) {
                checks.put(detail.getKey(), detail.getValue().asText());
            }
        });
        return checks;
    }

    /**
     * GET, again every 100 ms for up to 20 s until the answer has this status: the checks answer with the outcome of the
     * account's last balance call, which the component makes in the background from the start.
     */
    Answer await(String group, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Answer answer = get(group);
        while (answer.status() != status && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            answer = get(group);
        }
        return answer;
    }

    /**
     * TextMe got the checks' balance calls, if any, and nothing else: no send_otp, no SMS. A check may cost no call: it
     * answers from the account's last balance call, made at most once per balance-check-interval.
     */
    static void assertOnlyBalanceCalls(TextMeSimulator sim) throws IOException {
        for (RecordedRequest request : sim.requests()) {
            assertTrue(JSON.readTree(request.body()).has("balance"), request.body());
            assertFalse(request.body().contains("send_otp"), request.body());
        }
        assertTrue(sim.messages().isEmpty(), "the check sent an SMS");
    }
}
