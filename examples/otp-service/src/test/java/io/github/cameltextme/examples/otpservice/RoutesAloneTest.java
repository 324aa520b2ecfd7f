package io.github.cameltextme.examples.otpservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.freePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The YAML routes alone on Camel Main, as {@code camel run} starts them, with none of {@link OtpService}'s Java: the
 * HTTP server still answers a body over the bound, another method and an unknown path as JSON, since the routes
 * declare the bean that adds those answers ({@link HttpServerAnswers}).
 */
class RoutesAloneTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRoutesAloneAnswerTheServersOwnRefusalsAsJson() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Main main = new Main();
        try (TextMeSimulator simulator = TextMeSimulator.start()) {
            main.addOverrideProperty("camel.server.port", String.valueOf(port));
            textMeAt(simulator).forEach(main::addOverrideProperty);
            main.start();

            HttpResponse<String> tooLarge = post(url, "/otp/send", "{\"phone\": \"054-321-8001\"" + " ".repeat(5000) + "}");
            assertEquals(413, tooLarge.statusCode(), tooLarge.body());
            assertEquals("{\"error\":\"" + OtpHttpContract.TOO_LARGE + "\"}", tooLarge.body());

            HttpResponse<String> get = get(url + "/otp/send");
            assertEquals(405, get.statusCode(), get.body());
            assertEquals("{\"error\":\"" + OtpHttpContract.METHOD_NOT_ALLOWED + "\"}", get.body());

            HttpResponse<String> nowhere = get(url + "/nowhere");
            assertEquals(404, nowhere.statusCode(), nowhere.body());
            assertEquals("{\"error\":\"" + OtpHttpContract.NOT_FOUND + "\"}", nowhere.body());
            assertEquals(0, simulator.messages().size(), "nothing sent");
        } finally {
            main.stop();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
