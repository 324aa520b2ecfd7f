package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The examples' HTTP contract, held by the application as it runs in production: in a JVM of its own, sending to a
 * simulator of this test as the TextMe API. The readiness check's balance call is made once, at the start, so that no
 * background call takes a fault the suite injects for a send or a validate. The metrics are read as the scraper reads
 * them, with its token.
 */
class SpringBootContractTest extends OtpHttpContract {

    private static final String SCRAPE_TOKEN = "contract-scrape-5e2a";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TextMeSimulator simulator;
    private static ApplicationProcess application;

    @BeforeAll
    static void startApplication() throws Exception {
        simulator = TextMeSimulator.start();
        application = ApplicationProcess.start(Map.of("TEXTME_USERNAME", simulator.username(),
                                                      "TEXTME_API_TOKEN", simulator.token(),
                                                      "TEXTME_SOURCE", EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE,
                                                      "TEXTME_METRICS_SCRAPE_TOKEN", SCRAPE_TOKEN),
                                               "--camel.component.textme-otp.base-url=" + simulator.apiUrl(),
                                               "--camel.component.textme-otp.balance-check-interval=1h");
    }

    @AfterAll
    static void stopApplication() throws Exception {
        if (application != null) {
            application.close();
        }
        simulator.close();
    }

    @Override
    protected String baseUrl() {
        return application.url();
    }

    @Override
    protected TextMeSimulator textMe() {
        return simulator;
    }

    @Override
    protected List<String> errorLogLines() throws IOException {
        return application.output().lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList();
    }

    @Override
    protected String prometheusMetrics() throws IOException, InterruptedException {
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(application.url() + "/actuator/prometheus"))
                                                        .header("Authorization", "Bearer " + SCRAPE_TOKEN).build(),
                                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), scrape.body());
        return scrape.body();
    }
}
