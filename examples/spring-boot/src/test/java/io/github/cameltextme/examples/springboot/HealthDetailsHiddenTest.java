package io.github.cameltextme.examples.springboot;

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

/** As configured in application.yaml, an anonymous caller gets the status and no details: which check, TextMe's answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class HealthDetailsHiddenTest {

    private static final String WRONG_TOKEN = "not-the-demo-token";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulatorWithAWrongToken(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim, () -> WRONG_TOKEN);
    }

    @LocalServerPort
    private int port;

    @Test
    void healthShowsTheStatusOnly() throws Exception {
        HealthEndpoint.Answer health = new HealthEndpoint(port).get("");

        assertEquals(503, health.status(), health.text());
        assertEquals("{\"status\":\"DOWN\",\"groups\":[\"liveness\",\"readiness\"]}", health.text());
    }

    @Test
    void readinessShowsTheStatusOnly() throws Exception {
        HealthEndpoint.Answer readiness = new HealthEndpoint(port).get("/readiness");

        assertEquals(503, readiness.status(), readiness.text());
        assertEquals("{\"status\":\"OUT_OF_SERVICE\"}", readiness.text());
    }
}
