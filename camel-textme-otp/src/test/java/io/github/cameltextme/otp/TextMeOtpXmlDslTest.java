package io.github.cameltextme.otp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The component in routes written in the XML DSL (camel-xml-io-dsl), loaded from the classpath.
 */
class TextMeOtpXmlDslTest extends TextMeOtpTestSupport {

    @BeforeEach
    void loadXmlRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/otp.camel.xml"));
    }

    @Test
    void anXmlRouteSendsAnOtpWithItsOptions() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"s-1\"}");

        String json = template.requestBody("direct:send-otp-xml", "052-123-4567", String.class);

        assertEquals("{\"operation\":\"send\",\"status\":0,\"message\":\"sent\",\"shipmentId\":\"s-1\","
                     + "\"phone\":\"0521234567\"}", json);
        JsonNode sent = new ObjectMapper().readTree(onlyRequest().getBody()).get("send_otp");
        assertEquals(4, sent.get("max_tries").asInt());
        assertEquals(10, sent.get("valid_time").asInt());
        assertEquals("Your code: [code]", sent.get("text").asText());
    }

    @Test
    void anXmlRouteValidatesACode() {
        textMeAnswers("{\"status\":12,\"message\":\"unverified code\"}");

        Boolean valid = template.requestBody("direct:verify-otp-xml", Map.of("phone", PHONE, "code", CODE),
                                             Boolean.class);

        assertEquals(Boolean.FALSE, valid);
    }
}
