package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

    /** Settings for a service on the simulator, on a free port, with its limits in memory or in the given Redis. */
    static OtpServiceSettings onSimulator(String limitsRedisUrl) throws IOException {
        return new OtpServiceSettings("", freePort(), false, limitsRedisUrl);
    }

    /** Posts the JSON to the service, with the extra headers given as name, value, name, value... */
    static HttpResponse<String> post(OtpService service, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(OtpService service, String phone) throws IOException, InterruptedException {
        return post(service, "/otp/send", "{\"phone\": \"" + phone + "\"}");
    }
}
