package io.github.cameltextme.examples.quarkus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

    /** GETs a path such as {@code q/health/ready}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }
}
