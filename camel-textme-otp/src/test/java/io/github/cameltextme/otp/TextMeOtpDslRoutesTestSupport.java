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
 * The component in routes written in one of Camel's DSLs, loaded from a route file on the classpath by Camel's routes
 * loader. Each route file defines the same two routes: {@code direct:send-otp} sends with maxTries 4, validTime 10 and
 * the text {@code Your code: [code]}, then marshals the result to JSON; {@code direct:verify-otp} validates and answers
 * whether the code was valid.
 */
abstract class TextMeOtpDslRoutesTestSupport extends TextMeOtpTestSupport {

    /** The route file, e.g. {@code classpath:routes/otp.camel.yaml}. */
    abstract String routesResource();

    @BeforeEach
    void loadRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, routesResource()));
    }

    @Test
    void aRouteSendsAnOtpWithItsOptions() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"s-1\"}");

        String json = template.requestBody("direct:send-otp", "052-123-4567", String.class);

        assertEquals("{\"operation\":\"send\",\"status\":0,\"message\":\"sent\",\"shipmentId\":\"s-1\","
                     + "\"phone\":\"0521234567\"}", json);
        JsonNode sent = new ObjectMapper().readTree(onlyRequest().getBody()).get("send_otp");
        assertEquals(4, sent.get("max_tries").asInt());
        assertEquals(10, sent.get("valid_time").asInt());
        assertEquals("Your code: [code]", sent.get("text").asText());
    }

    @Test
    void aRouteValidatesACode() {
        textMeAnswers("{\"status\":12,\"message\":\"unverified code\"}");

        Boolean valid = template.requestBody("direct:verify-otp", Map.of("phone", PHONE, "code", CODE), Boolean.class);

        assertEquals(Boolean.FALSE, valid);
    }
}
