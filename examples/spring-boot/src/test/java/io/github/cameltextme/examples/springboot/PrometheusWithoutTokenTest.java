package io.github.cameltextme.examples.springboot;

import java.net.http.HttpResponse;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With no scrape token set, no one reads the Prometheus endpoint, not even with an empty bearer token, and it stays
 * guarded when the actuator's base path is moved and the endpoint mapped to another path; another endpoint exposed
 * (metrics) is guarded alike, and health stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "management.endpoints.web.base-path=/manage",
                               "management.endpoints.web.path-mapping.prometheus=scrape",
                               "management.endpoints.web.exposure.include=health,prometheus,metrics" })
@AutoConfigureObservability(tracing = false)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class PrometheusWithoutTokenTest {

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Test
    void noOneReadsTheMovedEndpointWhenNoTokenIsSet() throws Exception {
        for (String path : new String[] { "/manage/scrape", "/manage/metrics", "/manage/metrics/textme.otp.exchanges" }) {
            for (String authorization : new String[] { null, "Bearer ", "Bearer", "" }) {
                HttpResponse<String> answer = ActuatorGet.get(port, path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme"), answer.body());
            }
        }
        HttpResponse<String> health = ActuatorGet.get(port, "/manage/health", null);
        assertEquals(200, health.statusCode(), "the actuator is at the moved base path");
    }
}
