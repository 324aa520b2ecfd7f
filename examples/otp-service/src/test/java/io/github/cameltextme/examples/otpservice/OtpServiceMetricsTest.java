package io.github.cameltextme.examples.otpservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.freePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service with its management server on, as OTP_SERVICE_MANAGEMENT_ENABLED=true turns it on: Camel's Prometheus
 * registry at /observe/metrics on the management port holds the textme-otp component's meters, which found the
 * registry Camel Main made with no code of the service's; the public port does not serve them.
 */
class OtpServiceMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OtpService service;
    private static int managementPort;

    @BeforeAll
    static void startService() throws Exception {
        managementPort = freePort();
        service = OtpService.start(onFreePort(""), Map.of("camel.management.enabled", "true",
                                                          "camel.management.port", String.valueOf(managementPort)));
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void theManagementPortShowsTheComponentsMetersWithoutThePhoneOrTheCode() throws Exception {
        TextMeSimulator simulator = service.simulator().orElseThrow();
        assertEquals(200, send(service, "054-321-0900").statusCode());
        String code = simulator.lastCode("0543210900");
        HttpResponse<String> wrong = post(service, "/otp/verify", "{\"phone\": \"054-321-0900\", \"code\": \"000000\"}");
        assertEquals(200, wrong.statusCode(), wrong.body());
        assertEquals(429, send(service, "054-321-0900").statusCode());

        HttpResponse<String> scrape = get("http://127.0.0.1:" + managementPort + "/observe/metrics");

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
        assertTrue(componentGauge(metrics, "textme_otp_connections_available", ""), metrics);
        assertTrue(componentGauge(metrics, "textme_otp_limit_store_down", "0.0"), metrics);
        String labels = labels(metrics);
        assertFalse(labels.contains("0543210900") || labels.contains("543210900"), labels);
        assertFalse(labels.contains(code), labels);
    }

    @Test
    void thePublicPortDoesNotServeTheMetrics() throws Exception {
        HttpResponse<String> answer = get(service.url() + "/observe/metrics");

        assertEquals(404, answer.statusCode(), answer.body());
        assertFalse(answer.body().contains("textme_otp"), answer.body());
    }

    /** The labels of every series: where a phone or a code would show; the values are numbers of any digits. */
    private static String labels(String metrics) {
        StringBuilder labels = new StringBuilder();
        metrics.lines().filter(line -> line.indexOf('{') > 0)
                .forEach(line -> labels.append(line, line.indexOf('{'), line.lastIndexOf('}') + 1).append('\n'));
        return labels.toString();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the scrape shows the gauge of the textme-otp component, in any CamelContext, starting with the value. */
    private static boolean componentGauge(String metrics, String gauge, String value) {
        String series = "^" + gauge + "\\{camelContext=\"[^\"]+\",component=\"textme-otp\"} " + Pattern.quote(value);
        return Pattern.compile(series, Pattern.MULTILINE).matcher(metrics).find();
    }
}
