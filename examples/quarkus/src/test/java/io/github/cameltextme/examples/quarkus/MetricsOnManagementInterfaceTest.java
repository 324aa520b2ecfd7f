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

/**
 * With Quarkus's management interface on (quarkus.management.enabled, on a free port here), the metrics it serves are
 * for the scraper only, as on the application's port.
 */
@QuarkusTest
@TestProfile(MetricsOnManagementInterfaceTest.ManagementInterfaceOn.class)
class MetricsOnManagementInterfaceTest {

    private static final String SCRAPE_TOKEN = "scrape-test-token";

    @TestHTTPResource("/")
    String baseUrl;

    /** The management interface's root path, /q/ by default. */
    @TestHTTPResource(value = "/", management = true)
    String managementUrl;

    @Test
    void theManagementInterfacesMetricsAreForTheScraperOnly() throws Exception {
        assertEquals(200, new OtpHttp(baseUrl).post("otp/send", "{\"phone\": \"052-555-0921\"}").statusCode());
        OtpHttp management = new OtpHttp(managementUrl);

        HttpResponse<String> scrape = management.get("metrics", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, scrape.statusCode(), scrape.body());
        assertTrue(scrape.body().contains("textme_otp_exchanges_total"), scrape.body());
        for (String path : new String[] { "metrics", "%6Detrics", "./metrics", "metrics/" }) {
            for (String authorization : new String[] { null, "Bearer wrong", SCRAPE_TOKEN }) {
                HttpResponse<String> answer = management.get(path, authorization);
                assertEquals(401, answer.statusCode(), path + " with " + authorization);
                assertFalse(answer.body().contains("textme_otp"), answer.body());
            }
        }
    }

    /** The management interface on, on a free port. */
    public static class ManagementInterfaceOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true",
                          "quarkus.management.test-port", "0");
        }
    }
}
