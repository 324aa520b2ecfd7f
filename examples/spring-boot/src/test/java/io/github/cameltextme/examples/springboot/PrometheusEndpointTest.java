package io.github.cameltextme.examples.springboot;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /actuator/prometheus} shows the textme-otp component's meters, bound by the starter with no code of the
 * application's, to a scraper with the token only; no series holds the phone, the code or the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "textme.metrics.scrape-token=" + PrometheusEndpointTest.SCRAPE_TOKEN)
// a @SpringBootTest leaves the metrics export (the Prometheus registry and endpoint) off unless asked, unlike the application
@AutoConfigureObservability(tracing = false)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class PrometheusEndpointTest {

    static final String SCRAPE_TOKEN = "scrape-7d41c0";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Test
    void theScraperSeesTheComponentsMeters() throws Exception {
        OtpApi api = new OtpApi(port);
        assertEquals(200, api.send("052-123-4567").status());
        String code = sim.lastCode("0521234567");
        assertEquals(200, api.verify("052-123-4567", "000000").status());
        assertEquals(429, api.send("052-123-4567").status());

        HttpResponse<String> scrape = ActuatorGet.get(port, "/actuator/prometheus", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, scrape.statusCode(), scrape.body());
        String metrics = scrape.body();
        assertTrue(metrics.contains(
                "textme_otp_exchanges_total{limit=\"none\",operation=\"send\",outcome=\"sent\",status=\"none\"} 1.0"),
                   metrics);
        assertTrue(metrics.contains("textme_otp_exchanges_total{limit=\"none\",operation=\"validate\","
                                    + "outcome=\"invalid\",status=\"none\"} 1.0"), metrics);
        assertTrue(metrics.contains("textme_otp_exchanges_total{limit=\"resend_interval\",operation=\"send\","
                                    + "outcome=\"refused\",status=\"none\"} 1.0"), metrics);
        assertTrue(metrics.contains("textme_otp_round_trip_seconds_count{operation=\"send\"} 1"), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_connections_leased", ""), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_readiness", ""), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_limit_store_down", "0.0"), metrics);
        String labels = labels(metrics);
        for (String secret : new String[] { "0521234567", "521234567", code, sim.token() }) {
            assertFalse(labels.contains(secret), secret);
        }
        assertFalse(metrics.contains(sim.token()));
    }

    /** The labels of every series: where a phone or a code would show; the values are numbers of any digits. */
    private static String labels(String metrics) {
        StringBuilder labels = new StringBuilder();
        metrics.lines().filter(line -> line.indexOf('{') > 0)
                .forEach(line -> labels.append(line, line.indexOf('{'), line.lastIndexOf('}') + 1).append('\n'));
        return labels.toString();
    }

    @Test
    void anyoneElseIsRefusedWhateverTheyWriteThePath() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator;x=1/prometheus", "/actuator/%70rometheus",
                                          "/actuator/prometheus;x=1" }) {
            for (String authorization : new String[] { null, "Bearer wrong", "Bearer " + SCRAPE_TOKEN + "x",
                                                       SCRAPE_TOKEN }) {
                HttpResponse<String> answer = ActuatorGet.get(port, path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme_otp"), answer.body());
            }
        }
        assertEquals(200, ActuatorGet.get(port, "/actuator/health", null).statusCode(),
                     "the health status stays public");
    }

    /** Whether the scrape shows the gauge of the textme-otp component, in any CamelContext, starting with the value. */
    private static boolean componentGauge(String metrics, String gauge, String value) {
        String series = "^" + gauge + "\\{camelContext=\"[^\"]+\",component=\"textme-otp\"} " + Pattern.quote(value);
        return Pattern.compile(series, Pattern.MULTILINE).matcher(metrics).find();
    }
}
