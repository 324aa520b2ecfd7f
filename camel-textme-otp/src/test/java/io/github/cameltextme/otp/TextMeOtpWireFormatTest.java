package io.github.cameltextme.otp;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes on the wire: path, headers, and the exact JSON with its types and defaults.
 */
class TextMeOtpWireFormatTest extends TextMeOtpTestSupport {

    private static final String SENT = "{\"status\":0,\"message\":\"sent\",\"shipment_id\":77}";

    private static void assertExactJson(String expected, LoggedRequest request) {
        // strict: same fields, same types, no extra fields (array order is irrelevant here)
        assertTrue(equalToJson(expected, false, false).match(request.getBodyAsString()).isExactMatch(),
                   () -> "expected " + expected + " but was " + request.getBodyAsString());
    }

    private static void assertHeaders(LoggedRequest request) {
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals("POST", request.getMethod().getName());
    }

    @Test
    void sendPostsTheDocumentedJsonWithDefaults() {
        textMeAnswers(SENT);

        template.requestBody("textme-otp:send", PHONE);

        LoggedRequest request = onlyRequest();
        assertEquals("/api", request.getUrl());
        assertHeaders(request);
        assertExactJson("""
                {"send_otp": {"user": {"username": "leeroy"}, "phone": "0521234567", "source": "DemoAPI",
                              "app_id": 1, "max_tries": 3, "valid_time": 5}}""", request);
    }

    @Test
    void sendCarriesEveryOptionAndTheTextAsUtf8() throws Exception {
        textMeAnswers(SENT);
        String hebrew = "קוד האימות שלך הוא [code]";

        template.requestBody("textme-otp:send?appId=4&maxTries=5&validTime=15&text=" + hebrew, "+972 52-123-4567");

        LoggedRequest request = onlyRequest();
        assertExactJson("""
                {"send_otp": {"user": {"username": "leeroy"}, "phone": "0521234567", "source": "DemoAPI",
                              "app_id": 4, "max_tries": 5, "valid_time": 15, "text": "%s"}}""".formatted(hebrew),
                        request);
        assertEquals(hebrew, new ObjectMapper().readTree(request.getBody()).at("/send_otp/text").asText(),
                     "the text decoded from the raw bytes as UTF-8");
    }

    @Test
    void validatePostsPhoneAndCodeAsStrings() {
        textMeAnswers("{\"status\":0,\"message\":\"ok\"}");

        template.requestBodyAndHeader("textme-otp:validate", CODE, TextMeOtpConstants.PHONE, "052-123-4567");

        LoggedRequest request = onlyRequest();
        assertEquals("/api", request.getUrl());
        assertHeaders(request);
        assertExactJson("""
                {"validate_otp": {"user": {"username": "leeroy"}, "phone": "0521234567", "app_id": 1,
                                  "code": "042137"}}""", request);
    }

    @Test
    void testModePostsToTheDryRunPath() {
        textMe.stubFor(post(urlPathEqualTo("/api/test")).willReturn(okJson(SENT)));

        TextMeOtpResult sent = template.requestBody("textme-otp:send?testMode=true", PHONE, TextMeOtpResult.class);
        template.requestBodyAndHeaders("textme-otp:validate?testMode=true", CODE,
                                       Map.of(TextMeOtpConstants.PHONE, PHONE));

        assertEquals(0, sent.getStatus());
        assertEquals(2, requests().size());
        requests().forEach(request -> assertEquals("/api/test", request.getUrl()));
    }

    @Test
    void theUserAgentNamesTheComponent() {
        textMeAnswers(SENT);

        template.requestBody("textme-otp:send", PHONE);

        assertEquals("camel-textme-otp", onlyRequest().getHeader("User-Agent"));
    }
}
