package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;

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
    private final int port;

    OtpApi(int port) {
        this.baseUri = URI.create("http://localhost:" + port);
        this.port = port;
    }

    /** An HTTP answer, its body read as JSON. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {

        /**
         * A 429: {"error": "too many requests, try again in N s", "retryAfterSeconds": N} and Retry-After: N, with N
         * between 1 and the given most; the limit that refused is not named (the component's meters count it).
         */
        void assertTooManyRequests(long mostSeconds) {
            assertEquals(429, status, body.toString());
            long seconds = Long.parseLong(headers.firstValue("Retry-After").orElseThrow());
            assertTrue(seconds >= 1 && seconds <= mostSeconds, "Retry-After: " + seconds);
            assertEquals(seconds, body.path("retryAfterSeconds").asLong(), body.toString());
            assertEquals("too many requests, try again in " + seconds + " s", body.path("error").asText(), body.toString());
            assertEquals(2, body.size(), body.toString());
        }

        /** The body is {"error": "<reason>"} and nothing else: no stack trace, no exception class. */
        void assertOnlyError(int expectedStatus) {
            assertEquals(expectedStatus, status, body.toString());
            assertEquals(1, body.size(), body.toString());
            assertTrue(body.path("error").isTextual(), body.toString());
            assertFalse(body.toString().contains("Exception"), body.toString());
        }
    }

    /**
     * How many exchanges the textme-otp component counted in the registry as refused by the limit (its tag, e.g.
     * {@code client_sends}): the witness of which limit answered a 429.
     */
    static double refusedBy(MeterRegistry meters, String limit) {
        return meters.get("textme.otp.exchanges").tag("outcome", "refused").tag("limit", limit).counter().count();
    }

    /** /actuator/prometheus, as the scraper with the token reads it. */
    String prometheusMetrics(String scrapeToken) throws IOException, InterruptedException {
        HttpResponse<String> scrape = CLIENT.send(HttpRequest.newBuilder(baseUri.resolve("/actuator/prometheus"))
                                                          .header("Authorization", "Bearer " + scrapeToken).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), scrape.body());
        return scrape.body();
    }

    Answer send(String phone) throws IOException, InterruptedException {
        return post("/otp/send", "{\"phone\": \"" + phone + "\"}");
    }

    Answer verify(String phone, String code) throws IOException, InterruptedException {
        return post("/otp/verify", "{\"phone\": \"" + phone + "\", \"code\": \"" + code + "\"}");
    }

    /** Posts the JSON, with the extra headers given as name, value, name, value... */
    Answer post(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }

    /** Sends from another loopback address than the HTTP client's; the answer's status line. */
    String sendFrom(String localAddress, String phone) throws IOException {
        return postFrom(localAddress, "/otp/send", "{\"phone\": \"" + phone + "\"}");
    }

    /**
     * Posts the JSON from another loopback address than the HTTP client's, over a plain socket (the JDK's client cannot
     * choose its local address); the answer's status line. Skips the test where the loopback has no such address.
     */
    String postFrom(String localAddress, String path, String json) throws IOException {
        try (Socket socket = new Socket()) {
            try {
                socket.bind(new InetSocketAddress(localAddress, 0));
            } catch (BindException e) {
                Assumptions.abort("this machine's loopback has no " + localAddress + ": " + e.getMessage());
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                       + json).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }
}
