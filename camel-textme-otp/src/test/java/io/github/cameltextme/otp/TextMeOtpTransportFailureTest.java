package io.github.cameltextme.otp;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.component.http.HttpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything that is not a readable API answer ends in one {@link TextMeOtpTransportException}, with its cause, after
 * exactly one request: the component never retries.
 */
class TextMeOtpTransportFailureTest extends TextMeOtpTestSupport {

    private static final Map<String, Object> NO_HEADERS = Map.of();

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 404, 429, 500, 502, 503, 504 })
    void anHttpErrorIsATransportFailureAfterOneRequest(int httpStatus) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(httpStatus)
                .withHeader("Retry-After", "1").withBody("{\"status\":0}")));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE,
                                                NO_HEADERS);

        assertTrue(e.getMessage().startsWith("TextMe send_otp: TextMe answered HTTP " + httpStatus), e.getMessage());
        assertEquals(1, requests().size(), "exactly one request, no retry");
    }

    @Test
    void aRefusedConnectionKeepsItsCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class,
                                                "textme-otp:send?baseUrl=http://127.0.0.1:" + closedPort + "/api", PHONE,
                                                NO_HEADERS);

        assertInstanceOf(ConnectException.class, e.getCause());
        assertEquals(TextMeOtpOperation.send, e.getOperation());
    }

    @Test
    void aSlowAnswerTimesOutAfterTheResponseTimeout() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0}").withFixedDelay(5_000)));

        long start = System.nanoTime();
        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class,
                                                "textme-otp:validate?responseTimeout=300", CODE,
                                                Map.of(TextMeOtpConstants.PHONE, PHONE));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertTrue(elapsedMillis >= 300 && elapsedMillis < 4_000, "took " + elapsedMillis + " ms, the answer 5,000");
        assertEquals(1, requests().size(), "exactly one request, no retry");
    }

    @Test
    void theTimeoutsReachTheHttpClientAsDurations() {
        TextMeOtpEndpoint endpoint = context.getEndpoint("textme-otp:send?connectTimeout=2s&responseTimeout=1m30s",
                                                         TextMeOtpEndpoint.class);

        assertEquals(2_000, endpoint.getConfiguration().getConnectTimeout());
        assertEquals(90_000, endpoint.getConfiguration().getResponseTimeout());
        HttpEndpoint http = endpoint.getHttpEndpoint();
        assertEquals(2_000, http.getConnectTimeout());
        assertEquals(2_000, http.getConnectionRequestTimeout(), "waiting for a pooled connection is bounded too");
        assertEquals(90_000, http.getResponseTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"status\":", "<html><body>Service unavailable</body></html>", "status=0" })
    void anUnreadableBodyIsATransportFailure(String body) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(ok(body).withHeader("Content-Type", "text/html")));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE,
                                                NO_HEADERS);

        assertInstanceOf(JsonProcessingException.class, e.getCause());
        assertTrue(e.getMessage().contains("not the API's JSON"), e.getMessage());
        assertEquals(1, requests().size());
    }

    @Test
    void anEmptyBodyIsATransportFailure() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(ok()));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE,
                                                NO_HEADERS);

        assertNotNull(e.getMessage());
        assertEquals(1, requests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE" })
    void aBrokenConnectionIsATransportFailureAfterOneRequest(String fault) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withFault(Fault.valueOf(fault))));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:validate", CODE,
                                                Map.of(TextMeOtpConstants.PHONE, PHONE));

        assertNotNull(e.getCause());
        assertEquals(1, requests().size(), "exactly one request, no retry");
    }

    @Test
    void aRedirectIsNotFollowed() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", textMe.baseUrl() + "/elsewhere")));
        textMe.stubFor(post(urlPathEqualTo("/elsewhere")).willReturn(okJson("{\"status\":0}")));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE,
                                                NO_HEADERS);

        assertTrue(e.getMessage().contains("HTTP 307"), e.getMessage());
        assertEquals(1, requests().size(), "the token was not carried to the redirect target");
    }
}
