package io.github.cameltextme.examples.springboot;

import java.net.http.HttpResponse;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With no scrape token set, no one reads the Prometheus endpoint on Actuator's own port either. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureObservability(tracing = false)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class PrometheusOnManagementPortWithoutTokenTest {

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalManagementPort
    private int managementPort;

    @Test
    void noOneReadsTheManagementPortWhenNoTokenIsSet() throws Exception {
        for (String authorization : new String[] { null, "Bearer ", "Bearer", "" }) {
            HttpResponse<String> answer = ActuatorGet.get(managementPort, "/actuator/prometheus", authorization);
            assertEquals(401, answer.statusCode(), "with " + authorization);
            assertFalse(answer.body().contains("textme_otp"), answer.body());
        }
    }
}
