package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the tests need to start the service and call it over HTTP, as a client would.
 */
final class ServiceCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceCalls() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Settings for a service on a free port, with its limits in memory or in the given Redis. */
    static OtpServiceSettings onFreePort(String limitsRedisUrl) throws IOException {
        return new OtpServiceSettings(freePort(), false, limitsRedisUrl);
    }

    /**
     * Every TextMe setting, for the given simulator as a stand-in for the TextMe API, with the extra properties given
     * as name, value, name, value...
     */
    static Map<String, String> textMeAt(TextMeSimulator simulator, String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("camel.component.textme-otp.base-url", simulator.apiUrl());
        all.put("camel.component.textme-otp.username", simulator.username());
        all.put("camel.component.textme-otp.api-token", simulator.token());
        all.put("camel.component.textme-otp.source", TextMeTarget.SIMULATOR_SOURCE);
        for (int i = 0; i < properties.length; i += 2) {
            all.put(properties[i], properties[i + 1]);
        }
        return all;
    }

    /** Posts the JSON to the service, with the extra headers given as name, value, name, value... */
    static HttpResponse<String> post(OtpService service, String path, String json, String... headers)
            throws IOException, InterruptedException {
        return post(service.url(), path, json, headers);
    }

    /** Posts the JSON to the service at the URL, with the extra headers given as name, value, name, value... */
    static HttpResponse<String> post(String serviceUrl, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asserts a 429 answer: {@code {"error": "too many requests, try again in N s", "retryAfterSeconds": N}} and
     * {@code Retry-After: N}, N between 1 s and the most; the limit that refused is not named (the meters count it).
     */
    static void assertTooManyRequests(HttpResponse<String> answer, long mostSeconds) {
        assertEquals(429, answer.statusCode(), answer.body());
        long seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds >= 1 && seconds <= mostSeconds, "Retry-After: " + seconds);
        assertEquals("{\"error\":\"too many requests, try again in " + seconds + " s\",\"retryAfterSeconds\":" + seconds
                     + "}", answer.body());
    }

    /** The service's meters, as Prometheus reads them from Camel Main's management server on the port. */
    static String metrics(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> scrape = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("/observe/metrics answered " + scrape.statusCode() + ": " + scrape.body());
        }
        return scrape.body();
    }

    static HttpResponse<String> send(OtpService service, String phone) throws IOException, InterruptedException {
        return post(service, "/otp/send", sendBody(phone));
    }

    /** A verify with a code no one was sent, which TextMe finds not valid. */
    static HttpResponse<String> verify(OtpService service, String phone) throws IOException, InterruptedException {
        return post(service, "/otp/verify", verifyBody(phone));
    }

    static String sendBody(String phone) {
        return "{\"phone\": \"" + phone + "\"}";
    }

    static String verifyBody(String phone) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"000000\"}";
    }

    /**
     * Posts the JSON from another loopback address than the HTTP client's, over a plain socket (the JDK's client
     * cannot choose its local address); the answer's status line. Skips the test where the loopback has no such
     * address.
     */
    static String postFrom(String localAddress, int port, String path, String json) throws IOException {
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
