package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameltextme.examples.springboot.TextMeOtpExampleApplication;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Prometheus scrapes the Spring Boot example, run against the simulator with an account budget of two sends, with
 * the scrape token as the example's README tells operators to, and evaluates the alert rules every second. Two codes sent, a resend and a
 * send over the budget refused, a wrong code and a right one come back from Prometheus as counts; the rules are loaded
 * and healthy, the budget alert fires, and every metric the rules and the dashboard name is among those scraped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootExampleScrapeTest {

    private static final String JOB = "textme-otp-example";
    private static final Duration SCRAPED = Duration.ofSeconds(30);
    private static final String FIRST_PHONE = "052-765-1001";
    private static final String SECOND_PHONE = "052-765-1002";
    private static final String THIRD_PHONE = "052-765-1003";
    private static final String SCRAPE_TOKEN = UUID.randomUUID().toString();

    @TempDir
    static Path secrets;

    private TextMeSimulator sim;
    private ConfigurableApplicationContext app;
    private LocalPrometheus prometheus;

    @BeforeAll
    void startTheExampleAndPrometheusThenDriveIt() throws Exception {
        PrometheusPackage.require(PrometheusPackage.PROMETHEUS);
        sim = TextMeSimulator.start();
        app = new SpringApplicationBuilder(TextMeOtpExampleApplication.class).run(
                "--server.port=0",
                "--camel.component.textme-otp.base-url=" + sim.apiUrl(),
                "--camel.component.textme-otp.username=" + sim.username(),
                "--camel.component.textme-otp.api-token=" + sim.token(),
                "--camel.component.textme-otp.source=DemoAPI",
                "--camel.component.textme-otp.account-send-limit=2",
                "--textme.limits.redis-url=",
                "--textme.metrics.scrape-token=" + SCRAPE_TOKEN);
        prometheus = LocalPrometheus.start(scrapeConfig(Files.writeString(secrets.resolve("scrape-token"), SCRAPE_TOKEN)),
                                           AlertRuleFiles.RULES);
        awaitScrapeUp();
        // the series are there at 0 before the first exchange, so that the rules' increase() sees a first event
        awaitValue(exchanges("send", "refused", "account_sends"), 0);

        ExampleHttp api = new ExampleHttp(appPort());
        assertEquals(200, api.send(FIRST_PHONE).status());
        assertEquals(429, api.send(FIRST_PHONE).status(), "the resend interval refuses a second code");
        String code = sim.lastCode("0527651001");
        assertFalse(api.verify(FIRST_PHONE, wrong(code)).body().path("valid").asBoolean(true));
        assertTrue(api.verify(FIRST_PHONE, code).body().path("valid").asBoolean(false));
        assertEquals(200, api.send(SECOND_PHONE).status());
        assertEquals(429, api.send(THIRD_PHONE).status(), "the account budget of two sends refuses a third");
    }

    @AfterAll
    void stop() throws IOException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void prometheusCountsTheSendsRefusalsAndCodes() {
        awaitValue(exchanges("send", "sent", "none"), 2);
        awaitValue(exchanges("send", "refused", "resend_interval"), 1);
        awaitValue(exchanges("send", "refused", "account_sends"), 1);
        awaitValue(exchanges("validate", "invalid", "none"), 1);
        awaitValue(exchanges("validate", "valid", "none"), 1);
        awaitValue("sum(textme_otp_round_trip_seconds_count{job=\"" + JOB + "\", operation=\"send\"})", 2);
        awaitValue("sum(textme_otp_round_trip_seconds_count{job=\"" + JOB + "\", operation=\"validate\"})", 2);
        awaitValue("min(textme_otp_readiness{job=\"" + JOB + "\"})", 1);
    }

    @Test
    void theAlertRulesAreLoadedAndHealthy() throws IOException {
        Set<String> expected = new TreeSet<>();
        AlertRuleFiles.alertingRules().forEach(rule -> expected.add((String) rule.get("alert")));

        await().atMost(SCRAPED).untilAsserted(() -> {
            Map<String, String> health = new TreeMap<>();
            for (JsonNode rule : rules()) {
                health.put(rule.path("name").asText(), rule.path("health").asText() + " " + rule.path("lastError").asText());
            }
            assertEquals(expected, health.keySet());
            health.forEach((name, state) -> assertEquals("ok ", state, name));
        });
    }

    @Test
    void theAccountBudgetAlertFires() {
        await().atMost(SCRAPED).untilAsserted(() -> {
            List<String> firing = new ArrayList<>();
            for (JsonNode alert : prometheus.api("alerts").path("alerts")) {
                if ("firing".equals(alert.path("state").asText())) {
                    firing.add(alert.path("labels").path("alertname").asText());
                }
            }
            assertEquals(List.of("TextMeOtpAccountBudgetSpent"), firing);
        });
    }

    @Test
    void everyMetricTheRulesNameIsScraped() throws Exception {
        awaitValue(exchanges("send", "sent", "none"), 2);
        List<String> scraped = prometheus.labelValues("__name__");
        for (JsonNode rule : rules()) {
            String query = rule.path("query").asText();
            Set<String> names = PromQlMetricNames.in(query);
            assertTrue(scraped.containsAll(names), rule.path("name").asText() + " names " + names + ", scraped: " + scraped);
        }
    }

    @Test
    void everyMetricTheDashboardNamesIsScrapedAndEveryQueryRuns() throws Exception {
        awaitValue(exchanges("send", "sent", "none"), 2);
        List<String> scraped = prometheus.labelValues("__name__");
        for (String query : DashboardFile.queries()) {
            Set<String> names = PromQlMetricNames.in(query);
            assertTrue(scraped.containsAll(names), query + " names " + names + ", scraped: " + scraped);
            prometheus.query(query);
        }
    }

    /** Waits until Prometheus scrapes the example; fails with the scrape's last error. */
    private void awaitScrapeUp() {
        await().atMost(SCRAPED).untilAsserted(() -> {
            JsonNode target = prometheus.api("targets?state=active").path("activeTargets").path(0);
            assertEquals("up", target.path("health").asText(),
                         target.path("scrapeUrl").asText() + ": " + target.path("lastError").asText());
        });
    }

    /** Every rule of every group Prometheus loaded. */
    private List<JsonNode> rules() throws IOException, InterruptedException {
        List<JsonNode> rules = new ArrayList<>();
        prometheus.api("rules").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Waits until the expression, a single series, has the value. */
    private void awaitValue(String expression, double value) {
        await().atMost(SCRAPED).untilAsserted(() -> {
            JsonNode result = prometheus.query(expression).path("result");
            assertEquals(1, result.size(), expression + ": " + result);
            assertEquals(value, result.get(0).path("value").get(1).asDouble(), expression);
        });
    }

    private static String exchanges(String operation, String outcome, String limit) {
        return "sum(textme_otp_exchanges_total{job=\"" + JOB + "\", operation=\"" + operation + "\", outcome=\""
               + outcome + "\", limit=\"" + limit + "\"})";
    }

    /** Another 6-digit code than the one sent. */
    private static String wrong(String code) {
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertNotEquals(code, wrong);
        return wrong;
    }

    private int appPort() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /**
     * Scrapes the example's /actuator/prometheus every second as its README tells operators to: with the scrape token,
     * read from a file, as a bearer token.
     */
    private String scrapeConfig(Path tokenFile) {
        return String.join("\n",
                "  - job_name: " + JOB,
                "    metrics_path: /actuator/prometheus",
                "    authorization:",
                "      credentials_file: \"" + tokenFile.toAbsolutePath() + "\"",
                "    static_configs:",
                "      - targets: [\"127.0.0.1:" + appPort() + "\"]");
    }
}
