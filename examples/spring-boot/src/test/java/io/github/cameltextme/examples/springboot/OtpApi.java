package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's two endpoints, called over HTTP as a client would. The JDK's client never retries by itself (Apache
 * HttpClient, under TestRestTemplate, repeats a request answered 503), so each call is exactly one request.
 */
final class OtpApi {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;

    OtpApi(int port) {
        this.baseUri = URI.create("http://localhost:" + port);
    }

    /** An HTTP answer, its body read as JSON. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {

        /** The body is {"error": "<reason>"} and nothing else: no stack trace, no exception class. */
        void assertOnlyError(int expectedStatus) {
            assertEquals(expectedStatus, status, body.toString());
            assertEquals(1, body.size(), body.toString());
            assertTrue(body.path("error").isTextual(), body.toString());
            assertFalse(body.toString().contains("Exception"), body.toString());
        }
    }

    Answer send(String phone) throws IOException, InterruptedException {
        return post("/otp/send", "{\"phone\": \"" + phone + "\"}");
    }

    Answer verify(String phone, String code) throws IOException, InterruptedException {
        return post("/otp/verify", "{\"phone\": \"" + phone + "\", \"code\": \"" + code + "\"}");
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }
}
