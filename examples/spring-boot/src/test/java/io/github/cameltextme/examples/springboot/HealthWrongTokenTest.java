package io.github.cameltextme.examples.springboot;

import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TextMe refusing the token makes health DOWN and the application not ready, with the token in no answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "management.endpoint.health.show-details=always")
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class HealthWrongTokenTest {

    private static final String WRONG_TOKEN = "not-the-demo-token";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulatorWithAWrongToken(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim, () -> WRONG_TOKEN);
    }

    @LocalServerPort
    private int port;

    @Test
    void healthIsDownNamingTheTextMeCheck() throws Exception {
        sim.clearRequests();

        HealthEndpoint.Answer health = new HealthEndpoint(port).get("");

        assertEquals(503, health.status(), health.text());
        assertEquals("DOWN", health.body().path("status").asText(), health.text());
        assertEquals("DOWN", health.body().path("components").path("camelHealth").path("status").asText(),
                     health.text());
        Map<String, String> textMeChecks = HealthEndpoint.textMeChecks(health.body());
        assertEquals(2, textMeChecks.size(), "one per route's textme-otp endpoint: " + textMeChecks);
        assertTrue(textMeChecks.values().stream().allMatch("DOWN"::equals), textMeChecks.toString());
        HealthEndpoint.assertOnlyBalanceCalls(sim);
        assertFalse(health.text().contains(WRONG_TOKEN), "the token is in the health answer");
        assertFalse(health.text().contains(sim.token()), "the simulator's token is in the health answer");
    }

    @Test
    void readinessRefusesTraffic() throws Exception {
        sim.clearRequests();

        HealthEndpoint.Answer readiness = new HealthEndpoint(port).get("/readiness");

        assertEquals(503, readiness.status(), readiness.text());
        assertEquals("OUT_OF_SERVICE",
                     readiness.body().path("components").path("camelReadinessState").path("status").asText(),
                     readiness.text());
        HealthEndpoint.assertOnlyBalanceCalls(sim);
        assertFalse(readiness.text().contains(WRONG_TOKEN), "the token is in the readiness answer");
    }

    @Test
    void livenessStaysUpWithoutTheTextMeChecks() throws Exception {
        sim.clearRequests();

        HealthEndpoint.Answer liveness = new HealthEndpoint(port).get("/liveness");

        assertEquals(200, liveness.status(), liveness.text());
        assertEquals("UP", liveness.body().path("status").asText(), liveness.text());
        assertFalse(liveness.body().path("components").has("camelHealth"),
                    "TextMe being away does not make the application broken: " + liveness.text());
        // the account's balance calls go on in the background, once per interval; liveness adds nothing to them
        HealthEndpoint.assertOnlyBalanceCalls(sim);
    }
}
