package io.github.cameltextme.examples.quarkus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain HTTP calls to the running example, as a client makes them. */
final class OtpHttp {

    // HTTP/1.1 as curl speaks it: the JDK's default, an h2c upgrade, meets a refused body with GOAWAY instead of 413
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;

    /** @param baseUrl the example's URL, ending with {@code /} */
    OtpHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POSTs a JSON body to a path such as {@code otp/send}. */
    HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs a JSON body from another loopback address than the HTTP client's, over a plain socket (the JDK's client
     * cannot choose its local address); the answer's status line. Skips the test where the loopback has no such address.
     */
    String postFrom(String localAddress, String path, String json) throws IOException {
        URI target = URI.create(baseUrl + path);
        try (Socket socket = new Socket()) {
            try {
                socket.bind(new InetSocketAddress(localAddress, 0));
            } catch (BindException e) {
                Assumptions.abort("this machine's loopback has no " + localAddress + ": " + e.getMessage());
            }
            socket.connect(new InetSocketAddress("127.0.0.1", target.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + target.getPort()
                       + "\r\nContent-Type: application/json\r\nContent-Length: "
                       + json.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                       + json).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    /**
     * Asserts a 429: {"error": "too many requests, try again in N s", "retryAfterSeconds": N} and Retry-After: N, with N
     * between 1 s and the most; the limit that refused is not named (the component's meters count it).
     */
    static void assertTooManyRequests(HttpResponse<String> answer, long mostSeconds) {
        assertEquals(429, answer.statusCode(), answer.body());
        long seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds >= 1 && seconds <= mostSeconds, "Retry-After: " + seconds);
        assertEquals("{\"error\":\"too many requests, try again in " + seconds + " s\","
                     + "\"retryAfterSeconds\":" + seconds + "}", answer.body());
    }

    /**
     * How many exchanges the textme-otp component's meters counted as refused by the limit (its tag, e.g.
     * {@code client_sends}), read from /q/metrics as the scraper of the test profile reads it: the witness of which
     * limit answered a 429. The application may be shared with other test classes: compare with a count taken before.
     */
    double refusedBy(String limit) throws IOException, InterruptedException {
        HttpResponse<String> scrape = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "q/metrics"))
                                                          .header("Authorization", "Bearer scrape-test-token").build(),
                                                  HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), scrape.body());
        return OtpHttpContract.refusedBy(limit, scrape.body());
    }

    /** GETs a path such as {@code q/health/ready}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    /** GETs a path with the {@code Authorization} header given, or none when it is null. */
    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
