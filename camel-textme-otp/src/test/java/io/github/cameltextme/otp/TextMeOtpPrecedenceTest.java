package io.github.cameltextme.otp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The phone and the code come from the header, else the body. Every other value comes from the header, else the
 * endpoint option, else the component option: never from the body (see {@link TextMeOtpMapBodyTest}).
 */
class TextMeOtpPrecedenceTest extends TextMeOtpTestSupport {

    private static final String ENDPOINT = "textme-otp:send?source=EndpointSrc&appId=3&maxTries=4&validTime=10"
                                           + "&text=endpoint [code]";

    @Override
    protected void configure(TextMeOtpConfiguration configuration) {
        super.configure(configuration);
        configuration.setSource("CompSrc");
        configuration.setAppId(2);
        configuration.setMaxTries(5);
        configuration.setValidTime(7);
        configuration.setText("component [code]");
    }

    @BeforeEach
    void textMeSends() {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
    }

    private static JsonNode sent() throws Exception {
        return new ObjectMapper().readTree(onlyRequest().getBody()).get("send_otp");
    }

    private static void assertSent(JsonNode sent, String source, int appId, int maxTries, int validTime, String text) {
        assertEquals(source, sent.get("source").asText());
        assertEquals(appId, sent.get("app_id").asInt());
        assertEquals(maxTries, sent.get("max_tries").asInt());
        assertEquals(validTime, sent.get("valid_time").asInt());
        assertEquals(text, sent.get("text").asText());
    }

    @Test
    void componentOptionsApplyWhenNothingElseIsSet() throws Exception {
        template.requestBody("textme-otp:send", PHONE);

        assertSent(sent(), "CompSrc", 2, 5, 7, "component [code]");
    }

    @Test
    void endpointOptionsOverrideTheComponent() throws Exception {
        template.requestBody(ENDPOINT, PHONE);

        assertSent(sent(), "EndpointSrc", 3, 4, 10, "endpoint [code]");
    }

    @Test
    void aMapBodyGivesThePhoneAndTheEndpointTheRest() throws Exception {
        template.requestBody(ENDPOINT, Map.of("phone", "054-765-4321", "name", "ignored"));

        JsonNode sent = sent();
        assertEquals("0547654321", sent.get("phone").asText());
        assertSent(sent, "EndpointSrc", 3, 4, 10, "endpoint [code]");
    }

    @Test
    void headersOverrideTheBodyAndTheEndpoint() throws Exception {
        template.requestBodyAndHeaders(ENDPOINT, Map.of("phone", "054-765-4321"),
                                       Map.of(TextMeOtpConstants.PHONE, "0501112222", TextMeOtpConstants.SOURCE, "HeaderSrc",
                                              TextMeOtpConstants.APP_ID, "9", TextMeOtpConstants.MAX_TRIES, 5,
                                              TextMeOtpConstants.VALID_TIME, 1, TextMeOtpConstants.TEXT, "header [code]"));

        JsonNode sent = sent();
        assertEquals("0501112222", sent.get("phone").asText());
        assertSent(sent, "HeaderSrc", 9, 5, 1, "header [code]");
    }

    @Test
    void thePhoneHeaderOverridesAPlainBody() throws Exception {
        template.requestBodyAndHeader("textme-otp:send", "0549998888", TextMeOtpConstants.PHONE, "0501112222");

        assertEquals("0501112222", sent().get("phone").asText());
    }

    @Test
    void aNumberBodyIsThePhone() throws Exception {
        template.requestBody("textme-otp:send", 547654321L);

        assertEquals("0547654321", sent().get("phone").asText());
    }

    @Test
    void validateTakesTheCodeFromTheHeaderBeforeTheBody() throws Exception {
        template.requestBodyAndHeaders("textme-otp:validate?appId=6", "111111",
                                       Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.CODE, "222222"));

        JsonNode sent = new ObjectMapper().readTree(onlyRequest().getBody()).get("validate_otp");
        assertEquals("222222", sent.get("code").asText());
        assertEquals(6, sent.get("app_id").asInt());
    }

    @Test
    void validateReadsThePhoneAndTheCodeFromAMapBody() throws Exception {
        template.requestBodyAndHeader("textme-otp:validate", Map.of("phone", "+972547654321", "code", 654321),
                                      TextMeOtpConstants.APP_ID, 4);

        JsonNode sent = new ObjectMapper().readTree(onlyRequest().getBody()).get("validate_otp");
        assertEquals("0547654321", sent.get("phone").asText());
        assertEquals("654321", sent.get("code").asText());
        assertEquals(4, sent.get("app_id").asInt());
    }

    @Test
    void validateIgnoresSendOnlyValues() throws Exception {
        template.requestBodyAndHeaders("textme-otp:validate", CODE,
                                       Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.MAX_TRIES, 99,
                                              TextMeOtpConstants.TEXT, "no placeholder"));

        JsonNode sent = new ObjectMapper().readTree(onlyRequest().getBody()).get("validate_otp");
        assertEquals(4, sent.size(), "user, phone, app_id and code only: " + sent);
        assertEquals(2, sent.get("app_id").asInt());
    }
}
