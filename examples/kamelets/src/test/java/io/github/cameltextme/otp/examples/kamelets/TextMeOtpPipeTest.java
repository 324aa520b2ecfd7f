package io.github.cameltextme.otp.examples.kamelets;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameltextme.otp.simulator.SmsMessage;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The example Pipe {@code pipes/textme-otp-pipe.yaml}, with the send Kamelet's account given as
 * {@code camel.kamelet.textme-otp-send-action.*} properties that refer to the {@code textme.*} ones, as an
 * {@code application.properties} would.
 */
class TextMeOtpPipeTest extends KameletTestSupport {

    @Override
    void addRoutes() throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".username", "{{textme.username}}");
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".apiToken", "{{textme.api-token}}");
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".source", "{{textme.source}}");
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:pipes/textme-otp-pipe.yaml"));
    }

    @Test
    void aMessageThroughThePipeSendsAnSms() throws Exception {
        JsonNode result = requestJson("direct:otp-requests", "{\"phone\": \"052-123-4567\"}");

        assertNotNull(context.getRoute("textme-otp-pipe"), "the Pipe's route, named after the Pipe");
        assertEquals("send", result.get("operation").asText());
        assertEquals(0, result.get("status").asInt());
        assertEquals(PHONE, result.get("phone").asText());
        SmsMessage sms = sim.messages().get(0);
        assertEquals(PHONE, sms.phone());
        assertEquals(SOURCE, sms.source());
    }
}
