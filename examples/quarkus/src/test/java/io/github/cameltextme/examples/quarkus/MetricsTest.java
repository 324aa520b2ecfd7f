package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics holds the textme-otp component's meters, which found Quarkus's registry with no code of the example's,
 * for the scraper with the token only; no series holds the phone or the code.
 */
@QuarkusTest
class MetricsTest {

    private static final String SCRAPE_TOKEN = "scrape-test-token";

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    @Test
    void theScraperSeesTheComponentsMeters() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        TextMeSimulator simulator = textMe.simulator().orElseThrow();
        assertEquals(200, http.post("otp/send", "{\"phone\": \"052-555-0901\"}").statusCode());
        String code = simulator.lastCode("0525550901");
        assertEquals(429, http.post("otp/send", "{\"phone\": \"052-555-0901\"}").statusCode());

        HttpResponse<String> scrape = http.get("q/metrics", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, scrape.statusCode(), scrape.body());
        String metrics = scrape.body();
        // the application is shared with the other test classes: their exchanges count too
        assertTrue(metrics.matches("(?s).*textme_otp_exchanges_total\\{limit=\"resend_interval\",operation=\"send\","
                                   + "outcome=\"refused\",status=\"none\"} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*textme_otp_exchanges_total\\{limit=\"none\",operation=\"send\","
                                   + "outcome=\"sent\",status=\"none\"} [1-9].*"), metrics);
        assertTrue(metrics.contains("textme_otp_round_trip_seconds_count{operation=\"send\"}"), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_readiness", ""), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_connections_leased", ""), metrics);
        String labels = labels(metrics);
        assertFalse(labels.contains("0525550901") || labels.contains("525550901"), labels);
        assertFalse(labels.contains(code), labels);
    }

    @Test
    void anyoneElseIsRefused() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        for (String path : new String[] { "q/metrics", "q/%6Detrics", "q/./metrics", "q//metrics", "q/metrics/",
                                          "q/metrics/x" }) {
            for (String authorization : new String[] { null, "Bearer wrong", SCRAPE_TOKEN }) {
                HttpResponse<String> answer = http.get(path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme_otp"), answer.body());
            }
        }
    }

    /** The labels of every series: where a phone or a code would show; the values are numbers of any digits. */
    private static String labels(String metrics) {
        StringBuilder labels = new StringBuilder();
        metrics.lines().filter(line -> line.indexOf('{') > 0)
                .forEach(line -> labels.append(line, line.indexOf('{'), line.lastIndexOf('}') + 1).append('\n'));
        return labels.toString();
    }

    /** Whether the scrape shows the gauge of the textme-otp component, in any CamelContext, starting with the value. */
    private static boolean componentGauge(String metrics, String gauge, String value) {
        String series = "^" + gauge + "\\{camelContext=\"[^\"]+\",component=\"textme-otp\"} " + Pattern.quote(value);
        return Pattern.compile(series, Pattern.MULTILINE).matcher(metrics).find();
    }
}
