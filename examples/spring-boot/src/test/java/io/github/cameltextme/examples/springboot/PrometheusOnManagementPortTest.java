package io.github.cameltextme.examples.springboot;

import java.net.http.HttpResponse;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Actuator on a port of its own ({@code management.server.port}), its Prometheus endpoint there answers the
 * scraper with the token only, as on the application's port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "management.server.port=0",
                               "textme.metrics.scrape-token=" + PrometheusOnManagementPortTest.SCRAPE_TOKEN })
@AutoConfigureObservability(tracing = false)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class PrometheusOnManagementPortTest {

    static final String SCRAPE_TOKEN = "scrape-management-51e0a2";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void theScraperReadsTheManagementPort() throws Exception {
        assertEquals(200, new OtpApi(port).send("052-123-4567").status());

        HttpResponse<String> scrape = ActuatorGet.get(managementPort, "/actuator/prometheus", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, scrape.statusCode(), scrape.body());
        assertTrue(scrape.body().contains(
                "textme_otp_exchanges_total{limit=\"none\",operation=\"send\",outcome=\"sent\",status=\"none\"} 1.0"),
                   scrape.body());
    }

    @Test
    void anyoneElseIsRefusedOnTheManagementPort() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/%70rometheus" }) {
            for (String authorization : new String[] { null, "Bearer wrong", SCRAPE_TOKEN }) {
                HttpResponse<String> answer = ActuatorGet.get(managementPort, path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme_otp"), answer.body());
            }
        }
        assertEquals(200, ActuatorGet.get(managementPort, "/actuator/health", null).statusCode(),
                     "the health status stays public");
    }
}
