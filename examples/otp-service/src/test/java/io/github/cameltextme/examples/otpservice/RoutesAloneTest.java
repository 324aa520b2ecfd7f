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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML routes alone on Camel Main, as {@code camel run} starts them, with none of {@link OtpService}'s Java nor
 * the example's application.properties: the
 * HTTP server still answers a body over the bound, another method and an unknown path as JSON, since the routes
 * declare the bean that adds those answers ({@link HttpServerAnswers}), which refuses to start a server that would read
 * bodies of any size.
 */
class RoutesAloneTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRoutesAloneAnswerTheServersOwnRefusalsAsJson() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Main main = routesAlone(port);
        try (TextMeSimulator simulator = TextMeSimulator.start()) {
            main.addOverrideProperty("camel.server.maxBodySize", "4096");
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

    @Test
    void theRoutesDoNotStartOnAServerWithoutABodyBound() throws Exception {
        Main main = routesAlone(freePort());
        try (TextMeSimulator simulator = TextMeSimulator.start()) {
            textMeAt(simulator).forEach(main::addOverrideProperty);

            Exception refused = assertThrows(Exception.class, main::start);

            assertTrue(causes(refused).contains("camel.server.maxBodySize is not set"), causes(refused));
        } finally {
            main.stop();
        }
    }

    /**
     * Camel Main with the routes and the HTTP server on the port, as {@code camel run} with a properties file of
     * {@code camel.server.*} starts them: none of the example's application.properties.
     */
    private static Main routesAlone(int port) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/otp-service.camel.yaml");
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        return main;
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
