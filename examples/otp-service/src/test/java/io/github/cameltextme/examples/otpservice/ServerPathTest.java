package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes under a server path ({@code camel.server.path}, here {@code /api}): the endpoints are served at
 * {@code /api/otp/send} as written, and another spelling of them is 404 there as at the root.
 */
class ServerPathTest {

    @Test
    void theEndpointsUnderAServerPathAreServedUnderTheirExactSpellingOnly() throws Exception {
        try (TextMeSimulator simulator = TextMeSimulator.start();
             ServiceProcess service = ServiceProcess.start(Map.of("TEXTME_BASE_URL", simulator.apiUrl(),
                                                                  "TEXTME_USERNAME", simulator.username(),
                                                                  "TEXTME_API_TOKEN", simulator.token(),
                                                                  "TEXTME_SOURCE", TextMeTarget.SIMULATOR_SOURCE,
                                                                  "CAMEL_SERVER_PATH", "/api"))) {
            String sent = ServiceCalls.post(service.url(), "/api/otp/send", "{\"phone\": \"0527000060\"}").body();
            assertTrue(sent.startsWith("{\"sent\":true"), sent);

            for (String spelling : new String[] {"/api/otp/send/", "/api/otp/./send", "/api/otp//send",
                                                 "/api/otp/%73end"}) {
                HttpResponse<String> refused = ServiceCalls.post(service.url(), spelling, "{\"phone\": \"0527000061\"}");
                assertEquals(404, refused.statusCode(), spelling + ": " + refused.body());
                assertEquals("{\"error\":\"no such endpoint\"}", refused.body(), spelling);
            }
            assertEquals(1, simulator.messages().size(), "only the send at the exact path reached TextMe");
        }
    }
}
