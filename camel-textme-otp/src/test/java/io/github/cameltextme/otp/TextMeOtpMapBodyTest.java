package io.github.cameltextme.otp;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Map body carries the caller's data only, the phone and the code: the route author's settings in it are refused
 * before anything is sent, so that a route passing the caller's JSON on cannot let the caller choose the SMS text or
 * the sender.
 */
class TextMeOtpMapBodyTest extends TextMeOtpTestSupport {

    @ParameterizedTest
    @CsvSource({
            "send, source, CamelTextMeOtpSource", "send, text, CamelTextMeOtpText", "send, appId, CamelTextMeOtpAppId",
            "send, maxTries, CamelTextMeOtpMaxTries", "send, validTime, CamelTextMeOtpValidTime",
            "validate, source, CamelTextMeOtpSource", "validate, text, CamelTextMeOtpText",
            "validate, appId, CamelTextMeOtpAppId", "validate, maxTries, CamelTextMeOtpMaxTries",
            "validate, validTime, CamelTextMeOtpValidTime" })
    void aSettingInAMapBodyIsRefusedAndNothingIsSent(String operation, String key, String header) {
        textMeAnswers("{\"status\":0,\"message\":\"ok\"}");
        Map<String, Object> body = Map.of("phone", PHONE, "code", CODE, key, "Hi [code] from 3");

        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:" + operation, body,
                                                 Map.of());
        assertEquals(key, e.getField());
        assertTrue(e.getMessage().contains(header), e.getMessage());
        assertTrue(e.getMessage().contains("the " + key + " option"), e.getMessage());
        assertNoRequestSent();
    }

    @Test
    void aSettingHiddenInsideThePhoneIsRefusedToo() {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        Map<String, Object> nested = Map.of("phone", Map.of("phone", PHONE, "text", "Pay here: [code]", "source", "Bank"));

        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:send", nested, Map.of());
        assertEquals("phone", e.getField());
        assertNoRequestSent();
    }

    @Test
    void otherKeysAreIgnored() {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        template.requestBody("textme-otp:send", Map.of("phone", PHONE, "captcha", "x1y2"));
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void aMapBodyWithoutStringKeysOffersNoField() {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        Map<Integer, String> numbered = new TreeMap<>(Map.of(1, PHONE, 2, "Pay here: [code]"));

        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:send", numbered,
                                                 Map.of());
        assertEquals("phone", e.getField());
        assertNoRequestSent();

        template.requestBodyAndHeader("textme-otp:send", numbered, TextMeOtpConstants.PHONE, PHONE);
        assertEquals(1, requests().size(), "requests TextMe received");
    }
}
