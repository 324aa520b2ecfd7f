package io.github.cameltextme.examples.quarkus;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TextMe setting given, the token wrong: the example talks to "TextMe" (a simulator), which refuses it. The
 * readiness answer, which anyone may ask for, says DOWN and which check is down, and nothing of why; sends are 502,
 * and the log has one ERROR line saying what to fix, however many sends TextMe refuses.
 */
@QuarkusTest
@TestProfile(WrongTokenTest.WrongToken.class)
class WrongTokenTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    @SimulatorWithWrongToken.Simulator
    TextMeSimulator simulator;

    @Test
    void noSimulatorIsEmbeddedOnceTextMeIsConfigured() {
        assertTrue(textMe.simulator().isEmpty());
    }

    @Test
    void readinessIsDownNamingTheChecksWithNoDetailNorSms() throws Exception {
        HttpResponse<String> health = new OtpHttp(baseUrl).get("q/health/ready");

        assertEquals(503, health.statusCode(), health.body());
        JsonNode readiness = new ObjectMapper().readTree(health.body()).path("checks").path(0);
        assertEquals("camel-readiness", readiness.path("name").asText(), health.body());
        assertEquals("DOWN", readiness.path("status").asText(), health.body());
        assertEquals(Set.of("name", "status", "data"), fieldNames(readiness), health.body());
        Map<String, String> states = new HashMap<>();
        readiness.path("data").fields().forEachRemaining(check -> states.put(check.getKey(), check.getValue().asText()));
        assertTrue(states.entrySet().stream().anyMatch(check -> check.getKey().startsWith("producer:textme-otp-")
                                                                && check.getValue().equals("DOWN")), health.body());
        assertTrue(states.values().stream().allMatch(state -> state.equals("UP") || state.equals("DOWN")),
                   "each check's state, nothing else: " + health.body());
        URI textMe = URI.create(simulator.apiUrl());
        for (String detail : List.of(textMe.getHost(), String.valueOf(textMe.getPort()), "Exception", "message",
                                     "TextMe", "status ", SimulatorWithWrongToken.WRONG_TOKEN)) {
            assertFalse(health.body().contains(detail), "shows " + detail + ": " + health.body());
        }
        assertEquals(List.of(), simulator.messages());
    }

    @Test
    void aSendTextMeRefusesIs502AndOneErrorLineForManyRequests() throws Exception {
        try (AlarmRecords alarms = new AlarmRecords()) {
            for (String phone : List.of("0525550201", "0525550202")) {
                HttpResponse<String> sent = new OtpHttp(baseUrl).post("otp/send", "{\"phone\": \"" + phone + "\"}");

                assertEquals(502, sent.statusCode());
                assertEquals("{\"error\":\"" + OtpHttpContract.REFUSED + "\"}", sent.body());
            }
            assertEquals(List.of(), simulator.messages());
            assertEquals(1, alarms.messages().size(), alarms.messages()::toString);
            assertTrue(alarms.messages().get(0).matches("TextMe refused the credentials \\(status \\d+\\): .*"),
                       alarms.messages().get(0));
            assertFalse(alarms.messages().get(0).contains(SimulatorWithWrongToken.WRONG_TOKEN));
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The profile that starts {@link SimulatorWithWrongToken}. */
    public static class WrongToken implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SimulatorWithWrongToken.class));
        }
    }
}
