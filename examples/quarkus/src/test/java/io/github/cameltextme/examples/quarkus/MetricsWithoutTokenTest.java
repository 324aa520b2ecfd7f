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

/** With no scrape token set, no one reads /q/metrics, not even with an empty bearer token or a former token. */
@QuarkusTest
@TestProfile(MetricsWithoutTokenTest.NoScrapeToken.class)
class MetricsWithoutTokenTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Test
    void noOneReadsTheMetricsWhenNoTokenIsSet() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        // the last one is the token application.properties sets for the tests, which the profile unsets
        for (String authorization : new String[] { null, "Bearer ", "Bearer", "", "Bearer scrape-test-token" }) {
            HttpResponse<String> answer = http.get("q/metrics", authorization);
            assertEquals(401, answer.statusCode(), "with " + authorization);
            assertFalse(answer.body().contains("textme_otp"), answer.body());
        }
    }

    /** The scrape token unset, as it is when TEXTME_METRICS_SCRAPE_TOKEN is not given. */
    public static class NoScrapeToken implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("textme.metrics.scrape-token", "");
        }
    }
}
