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

/** Health and readiness with TextMe accepting the account, details turned on as a non-public management port would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "management.endpoint.health.show-details=always", "camel.health.exposure-level=full" })
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class HealthTest {

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Test
    void healthIsUpWithTheTextMeCheckAskingTheBalanceOnly() throws Exception {
        sim.clearRequests();

        HealthEndpoint.Answer health = new HealthEndpoint(port).await("", 200);

        assertEquals(200, health.status(), health.text());
        assertEquals("UP", health.body().path("status").asText(), health.text());
        assertEquals("UP", health.body().path("components").path("camelHealth").path("status").asText(), health.text());
        Map<String, String> textMeChecks = HealthEndpoint.textMeChecks(health.body());
        assertEquals(2, textMeChecks.size(), "one per route's textme-otp endpoint: " + textMeChecks);
        assertTrue(textMeChecks.values().stream().allMatch("UP"::equals), textMeChecks.toString());
        HealthEndpoint.assertOnlyBalanceCalls(sim);
        assertFalse(health.text().contains(sim.token()), "the token is in the health answer");
    }

    @Test
    void readinessIsUpWithTheTextMeCheck() throws Exception {
        sim.clearRequests();

        HealthEndpoint.Answer readiness = new HealthEndpoint(port).await("/readiness", 200);

        assertEquals(200, readiness.status(), readiness.text());
        assertEquals("UP", readiness.body().path("components").path("camelReadinessState").path("status").asText(),
                     readiness.text());
        HealthEndpoint.assertOnlyBalanceCalls(sim);
        assertFalse(readiness.text().contains(sim.token()), "the token is in the readiness answer");
    }
}
