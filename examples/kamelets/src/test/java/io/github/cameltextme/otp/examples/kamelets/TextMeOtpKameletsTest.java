package io.github.cameltextme.otp.examples.kamelets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameltextme.otp.TextMeOtpInvalidCodeException;
import io.github.cameltextme.otp.simulator.SmsMessage;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two action Kamelets, loaded from {@code classpath:kamelets} by camel-kamelet, against the simulator. The account
 * is configured the Kamelet way, with {@code camel.kamelet.<name>.<property>} properties; options in the kamelet URIs
 * override them.
 */
class TextMeOtpKameletsTest extends KameletTestSupport {

    @Override
    void addRoutes() throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        for (String kamelet : List.of(SEND_KAMELET, VALIDATE_KAMELET)) {
            properties.addInitialProperty("camel.kamelet." + kamelet + ".username", sim.username());
            properties.addInitialProperty("camel.kamelet." + kamelet + ".apiToken", sim.token());
        }
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".source", SOURCE);
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
    void theJsonObjectOverridesTheKameletProperties() throws Exception {
        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\", \"text\": \"Your code: [code]\", \"maxTries\": 5}");

        SmsMessage sms = sim.messages().get(0);
        assertEquals("Your code: " + sms.code(), sms.text());
        assertEquals(5, onlyRequestBody().at("/send_otp/max_tries").asInt());
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

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:validate-or-throw", wrong));

        assertInstanceOf(TextMeOtpInvalidCodeException.class, e.getCause());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
