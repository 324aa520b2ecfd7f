package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;

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
