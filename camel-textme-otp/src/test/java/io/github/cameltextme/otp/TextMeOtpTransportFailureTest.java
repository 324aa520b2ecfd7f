package io.github.cameltextme.otp;

import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transport failures beyond {@link TextMeOtpFaultMatrixTest}: any HTTP error status and the message it gives, the broken
 * connections WireMock makes, a redirect that is not followed, and the timeouts reaching the HttpClient. Each ends in
 * one {@link TextMeOtpTransportException} after exactly one request: the component never retries.
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
        assertEquals(httpStatus, e.getHttpStatus());
        assertEquals("1", e.getRetryAfter());
        assertTrue(e.mayHaveReachedServer());
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
    @ValueSource(strings = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE" })
    void aBrokenConnectionIsATransportFailureAfterOneRequest(String fault) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withFault(Fault.valueOf(fault))));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:validate", CODE,
                                                Map.of(TextMeOtpConstants.PHONE, PHONE));

        assertNotNull(e.getCause());
        assertTrue(e.mayHaveReachedServer());
        assertEquals(1, requests().size(), "exactly one request, no retry");
    }

    @ParameterizedTest
    @ValueSource(strings = { "textme-otp:send", "textme-otp:send?limitsEnabled=false" })
    void anEndpointThatIsNotStartedSendsNothing(String uri) throws Exception {
        TextMeOtpEndpoint endpoint = context.getEndpoint(uri, TextMeOtpEndpoint.class);
        endpoint.stop();
        Producer producer = endpoint.createProducer();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(PHONE);

        TextMeOtpTransportException e = assertThrows(TextMeOtpTransportException.class, () -> producer.process(exchange));

        assertEquals("TextMe send_otp: the textme-otp endpoint is not started", e.getMessage());
        assertFalse(e.mayHaveReachedServer());
        assertNoRequestSent();
    }

    @Test
    void aRedirectIsNotFollowed() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", textMe.baseUrl() + "/elsewhere")));
        textMe.stubFor(post(urlPathEqualTo("/elsewhere")).willReturn(okJson("{\"status\":0}")));

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE,
                                                NO_HEADERS);

        assertTrue(e.getMessage().contains("HTTP 307"), e.getMessage());
        assertEquals(307, e.getHttpStatus());
        assertEquals(1, requests().size(), "the token was not carried to the redirect target");
    }
}
