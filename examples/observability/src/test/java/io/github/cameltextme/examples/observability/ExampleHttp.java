package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Spring Boot example's two endpoints, called over HTTP as a client would: one request per call, no retry. */
final class ExampleHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI baseUri;

    ExampleHttp(int port) {
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    /** An HTTP answer, its body read as JSON. */
    record Answer(int status, JsonNode body) {
    }

    Answer send(String phone) throws IOException, InterruptedException {
        return post("/otp/send", JSON.createObjectNode().put("phone", phone));
    }

    Answer verify(String phone, String code) throws IOException, InterruptedException {
        return post("/otp/verify", JSON.createObjectNode().put("phone", phone).put("code", code));
    }

    private Answer post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), JSON.readTree(answer.body()));
    }
}
