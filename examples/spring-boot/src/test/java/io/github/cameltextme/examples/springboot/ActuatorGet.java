package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A GET to the example on a local port, with an {@code Authorization} header or none, as a scraper sends it. */
final class ActuatorGet {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ActuatorGet() {
    }

    /** @param authorization the header's value, or {@code null} for none */
    static HttpResponse<String> get(int port, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
