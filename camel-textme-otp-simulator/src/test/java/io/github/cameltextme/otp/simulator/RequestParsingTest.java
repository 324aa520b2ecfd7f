package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(TextMeSimulatorExtension.class)
class RequestParsingTest {

    private static final String SEND = "{\"send_otp\":{\"user\":{\"username\":\"demo\"},\"phone\":\"0521234567\",\"source\":\"DemoAPI\"}}";

    private final TextMeSimulator sim;
    private ApiClient api;

    RequestParsingTest(TextMeSimulator sim) {
        this.sim = sim;
    }

    @BeforeEach
    void client() {
        api = new ApiClient(sim);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{",
        "not json",
        "",
        "[]",
        "[" + SEND + "]",
        "\"send_otp\"",
        "42",
        "null",
        SEND + " trailing",
        SEND + SEND,
        "{\"send_otp\":{\"user\":{\"username\":\"demo\"},\"phone\":\"0521234567\",\"phone\":\"0521234568\",\"source\":\"DemoAPI\"}}",
        "{\"send_otp\":\"0521234567\"}",
        "{\"send_otp\":[1,2]}"
    })
    void unparsableBodyIsStatus1(String body) {
        JsonNode answer = api.post(sim.apiUrl(), body, sim.token());
        assertStatus(1, answer);
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void xmlBodyIsStatus1() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><send_otp><user><username>demo</username></user>"
                + "<phone>0521234567</phone><source>DemoAPI</source></send_otp>";
        HttpResponse<String> response = ApiClient.send(api.postRequest(sim.apiUrl(), xml, sim.token())
                .header("Content-Type", "application/xml").build());
        assertEquals(200, response.statusCode());
        assertStatus(1, ApiClient.parse(response.body()));
        assertTrue(sim.messages().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"sms\":{\"user\":{\"username\":\"demo\"}}}",
        "{\"SEND_OTP\":{\"user\":{\"username\":\"demo\"},\"phone\":\"0521234567\",\"source\":\"DemoAPI\"}}",
        "{\"send_otp\":{\"user\":{\"username\":\"demo\"},\"phone\":\"0521234567\",\"source\":\"DemoAPI\"},"
                + "\"balance\":{\"user\":{\"username\":\"demo\"}}}"
    })
    void unknownMissingOrSeveralRootElementsAreStatus997(String body) {
        assertStatus(997, api.post(sim.apiUrl(), body, sim.token()));
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void unknownRootIsRejectedBeforeAuthentication() {
        assertStatus(997, api.post(sim.apiUrl(), "{\"sms\":{}}", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsThanPostAreStatus997WithHttp200(String method) {
        for (String url : new String[] {sim.apiUrl(), sim.testApiUrl()}) {
            HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString(SEND))
                    .header("Authorization", "Bearer " + sim.token())
                    .build());
            assertEquals(200, response.statusCode(), method + " " + url);
            assertStatus(997, ApiClient.parse(response.body()));
        }
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void headOnApiAnswersWithoutBody() {
        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(URI.create(sim.apiUrl()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/apix", "/api/", "/api/test/", "/api/tests", "/api/test/x", "/favicon.ico", "/messages/1"})
    void otherPathsAre404(String path) {
        HttpResponse<String> response = ApiClient.send(api.postRequest(sim.inboxUrl() + path.substring(1), SEND, sim.token()).build());
        assertEquals(404, response.statusCode(), path);
        assertTrue(sim.requests().isEmpty(), "requests outside the API are not recorded");
    }

    @Test
    void bodyOverOneMebibyteIsStatus1() {
        String body = "{\"send_otp\":{\"text\":\"" + "x".repeat(ApiHandler.MAX_BODY_BYTES) + "\"}}";
        assertStatus(1, api.post(sim.apiUrl(), body, sim.token()));
    }

    @Test
    void successAnswerHasNumericStatusAndMessage() {
        JsonNode answer = api.post(sim.apiUrl(), SEND, sim.token());
        assertStatus(0, answer);
        assertTrue(answer.get("shipment_id").isIntegralNumber(), answer.toString());
    }
}
