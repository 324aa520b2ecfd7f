package io.github.cameltextme.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application under a context path ({@code server.servlet.context-path}, here {@code /api}): the endpoints are
 * served at {@code /api/otp/send} as written, and another spelling of them is 404 there as at the root.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "server.servlet.context-path=/api")
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class ContextPathTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Test
    void theEndpointsUnderAContextPathAreServedUnderTheirExactSpellingOnly() throws Exception {
        HttpResponse<String> sent = post("/api/otp/send", "0527000062");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true"), sent.body());

        for (String spelling : new String[] {"/api/otp/send/", "/api/otp/./send", "/api/otp//send", "/api/otp/%73end",
                                             "/api/otp/send;x=1"}) {
            HttpResponse<String> refused = post(spelling, "0527000063");
            assertEquals(404, refused.statusCode(), spelling + ": " + refused.body());
            assertEquals("{\"error\":\"no such endpoint\"}", refused.body(), spelling);
        }
        assertEquals(1, sim.messages().size(), "only the send at the exact path reached TextMe");
    }

    private HttpResponse<String> post(String path, String phone) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + phone + "\"}")).build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
