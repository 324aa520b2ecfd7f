package io.github.cameltextme.otp.examples.kamelets;

import java.util.List;

import io.github.cameltextme.otp.simulator.SmsMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example route file {@code routes/otp-with-kamelets.camel.yaml}, whose kamelet URIs take the username and the
 * sender from the {@code textme.*} property placeholders, and whose Kamelets take the token from their
 * {@code camel.kamelet.<name>.apiToken} properties, as the README's {@code textme.properties} sets them.
 */
class OtpWithKameletsRouteTest extends KameletTestSupport {

    @Override
    void addRoutes() throws Exception {
        tokenAsKameletProperties(context);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/otp-with-kamelets.camel.yaml"));
    }

    /** The README's two lines: each Kamelet's {@code apiToken} property, from {@code textme.api-token}. */
    static void tokenAsKameletProperties(CamelContext context) {
        for (String kamelet : List.of(SEND_KAMELET, VALIDATE_KAMELET)) {
            context.getPropertiesComponent().addInitialProperty("camel.kamelet." + kamelet + ".apiToken",
                                                                "{{textme.api-token}}");
        }
    }

    @Test
    void theRoutesSendACodeAndVerifyIt() throws Exception {
        assertEquals(0, requestJson("direct:request-otp", "{\"phone\": \"052-123-4567\"}").get("status").asInt());

        SmsMessage sms = sim.messages().get(0);
        assertEquals(PHONE, sms.phone());
        assertEquals(SOURCE, sms.source());
        assertEquals("Your verification code is " + sms.code(), sms.text());
        assertEquals(10, onlyRequestBody().at("/send_otp/valid_time").asInt());

        assertEquals("{\"valid\":false}",
                     requestJson("direct:verify-otp", validateJson(PHONE, wrongCode(sms.code()))).toString());
        assertEquals("{\"valid\":true}", requestJson("direct:verify-otp", validateJson(PHONE, sms.code())).toString());
    }
}
