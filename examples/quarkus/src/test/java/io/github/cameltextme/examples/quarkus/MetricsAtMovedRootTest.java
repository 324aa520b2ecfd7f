package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With Quarkus's own endpoints moved from /q to /manage, the metrics there are still for the scraper only. */
@QuarkusTest
@TestProfile(MetricsAtMovedRootTest.NonApplicationRootMoved.class)
class MetricsAtMovedRootTest {

    private static final String SCRAPE_TOKEN = "scrape-test-token";

    @TestHTTPResource("/")
    String baseUrl;

    @Test
    void theMovedMetricsAreForTheScraperOnly() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        assertEquals(200, http.post("otp/send", "{\"phone\": \"052-555-0911\"}").statusCode());

        HttpResponse<String> scrape = http.get("manage/metrics", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, scrape.statusCode(), scrape.body());
        assertTrue(scrape.body().contains("textme_otp_exchanges_total"), scrape.body());
        for (String path : new String[] { "manage/metrics", "manage/%6Detrics", "manage/./metrics" }) {
            for (String authorization : new String[] { null, "Bearer wrong", SCRAPE_TOKEN }) {
                HttpResponse<String> answer = http.get(path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme_otp"), answer.body());
            }
        }
    }

    /** quarkus.http.non-application-root-path moved to /manage. */
    public static class NonApplicationRootMoved implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.non-application-root-path", "/manage");
        }
    }
}
