package io.github.cameltextme.examples.quarkus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application under a root path ({@code quarkus.http.root-path}, here {@code /api}): the endpoints are served at
 * {@code /api/otp/send} as written, another spelling of them is 404 there as at the root, and another method on them
 * is 405.
 */
@QuarkusTest
@TestProfile(RootPathTest.UnderApi.class)
class RootPathTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI application;

    @Inject
    TextMeTarget textMe;

    @Test
    void theEndpointsUnderARootPathAreServedUnderTheirExactSpellingOnly() throws Exception {
        int messagesBefore = textMe.simulator().orElseThrow().messages().size();
        HttpResponse<String> sent = send("POST", "/api/otp/send", "0527000064");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true"), sent.body());

        for (String spelling : new String[] {"/api/otp/send/", "/api/otp/./send", "/api/otp//send", "/api/otp/%73end",
                                             "/api/otp/send;x=1"}) {
            HttpResponse<String> refused = send("POST", spelling, "0527000065");
            assertEquals(404, refused.statusCode(), spelling + ": " + refused.body());
            assertEquals("{\"error\":\"no such endpoint\"}", refused.body(), spelling);
        }
        HttpResponse<String> options = send("OPTIONS", "/api/otp/send", "0527000065");
        assertEquals(405, options.statusCode(), options.body());
        assertEquals(messagesBefore + 1, textMe.simulator().orElseThrow().messages().size(),
                     "only the send at the exact path reached TextMe");
    }

    private HttpResponse<String> send(String method, String path, String phone) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(application.resolve(path))
                                 .header("Content-Type", "application/json")
                                 .method(method, HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + phone + "\"}"))
                                 .build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    /** quarkus.http.root-path at /api. */
    public static class UnderApi implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.root-path", "/api");
        }
    }
}
