package io.github.cameltextme.otp.examples.kamelets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.TextMeOtpInvalidCodeException;
import io.github.cameltextme.otp.TextMeOtpValidationException;
import io.github.cameltextme.otp.simulator.SmsMessage;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two action Kamelets, loaded from {@code classpath:kamelets} by camel-kamelet, against the simulator. The account
 * is configured the Kamelet way, with {@code camel.kamelet.<name>.<property>} properties; options in the kamelet URIs
 * override them.
 */
class TextMeOtpKameletsTest extends KameletTestSupport {

    @Override
    void addRoutes() throws Exception {
        accountAsKameletProperties();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kamelet:" + SEND_KAMELET);
                from("direct:send-in-test-mode").to("kamelet:" + SEND_KAMELET + "?testMode=true");
                from("direct:validate").to("kamelet:" + VALIDATE_KAMELET);
                from("direct:validate-or-throw").to("kamelet:" + VALIDATE_KAMELET + "?throwOnInvalidCode=true");
            }
        });
    }

    @Test
    void sendsACodeThenAWrongCodeIsInvalidAndTheRightOneValid() throws Exception {
        JsonNode sent = requestJson("direct:send", "{\"phone\": \"052-123-4567\"}");
        String code = sim.lastCode(PHONE);

        assertEquals(List.of("operation", "status", "message", "shipmentId", "phone"), fieldNames(sent));
        assertEquals("send", sent.get("operation").asText());
        assertEquals(0, sent.get("status").asInt());
        assertEquals(PHONE, sent.get("phone").asText());
        assertFalse(sent.get("shipmentId").asText().isEmpty());

        JsonNode wrong = requestJson("direct:validate", validateJson("052-123-4567", wrongCode(code)));
        assertEquals("validate", wrong.get("operation").asText());
        assertEquals(12, wrong.get("status").asInt());
        assertFalse(wrong.get("valid").asBoolean());

        JsonNode right = requestJson("direct:validate", validateJson("+972 52-123-4567", code));
        assertEquals(List.of("operation", "status", "message", "valid", "phone"), fieldNames(right));
        assertEquals(0, right.get("status").asInt());
        assertTrue(right.get("valid").asBoolean());
        assertEquals(PHONE, right.get("phone").asText());
        assertFalse(right.toString().contains(code), "the result never holds the code");
    }

    @Test
    void unsetOptionalPropertiesAreNotPassedToTheComponent() throws Exception {
        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\"}");

        JsonNode sent = onlyRequestBody().get("send_otp");
        assertEquals(SOURCE, sent.get("source").asText());
        assertEquals(1, sent.get("app_id").asInt());
        assertEquals(3, sent.get("max_tries").asInt());
        assertEquals(5, sent.get("valid_time").asInt());
        assertFalse(sent.has("text"), "no text property: TextMe's default text");
        assertEquals("the code is " + sim.lastCode(PHONE), sim.messages().get(0).text());
    }

    @Test
    void aJsonObjectCarryingASettingIsRefusedUnsent() {
        failure(TextMeOtpValidationException.class, "direct:send",
                "{\"phone\": \"" + PHONE + "\", \"text\": \"Your code: [code]\", \"maxTries\": 5}");
        failure(TextMeOtpValidationException.class, "direct:validate",
                "{\"phone\": \"" + PHONE + "\", \"code\": \"123456\", \"appId\": 2}");

        assertTrue(sim.requests().isEmpty(), "TextMe was not called");
    }

    @Test
    void aHeaderOfTheCallingRouteSetsWhatTheBodyMayNot() throws Exception {
        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\"}", TextMeOtpConstants.TEXT, "Your code: [code]");

        SmsMessage sms = sim.messages().get(0);
        assertEquals("Your code: " + sms.code(), sms.text());
    }

    @Test
    void aJsonStringIsTheCodeWithThePhoneInItsHeader() throws Exception {
        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\"}");

        JsonNode answer = requestJson("direct:validate", "\"" + sim.lastCode(PHONE) + "\"",
                                      TextMeOtpConstants.PHONE, "052-123-4567");

        assertTrue(answer.get("valid").asBoolean());
        assertEquals(PHONE, answer.get("phone").asText());
    }

    @Test
    void aJsonStringIsThePhone() throws Exception {
        JsonNode sent = requestJson("direct:send", "\"+972 52-123-4567\"");

        assertEquals(PHONE, sent.get("phone").asText());
        assertEquals(PHONE, sim.messages().get(0).phone());
    }

    @Test
    void testModeSendsNoSms() throws Exception {
        JsonNode sent = requestJson("direct:send-in-test-mode", "{\"phone\": \"" + PHONE + "\"}");

        assertEquals(0, sent.get("status").asInt());
        assertTrue(sim.requests().get(0).dryRun());
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void throwOnInvalidCodeFailsTheExchange() throws Exception {
        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\"}");
        String wrong = validateJson(PHONE, wrongCode(sim.lastCode(PHONE)));

        failure(TextMeOtpInvalidCodeException.class, "direct:validate-or-throw", wrong);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
