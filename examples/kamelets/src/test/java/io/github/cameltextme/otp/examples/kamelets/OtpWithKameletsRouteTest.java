package io.github.cameltextme.otp.examples.kamelets;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cameltextme.otp.simulator.SmsMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example route file {@code routes/otp-with-kamelets.camel.yaml}, whose kamelet URIs take the username and the
 * sender from the {@code textme.*} property placeholders, and whose Kamelets take the token from their
 * {@code camel.kamelet.<name>.apiToken} properties, read from the README's properties block, so that the README's
 * lines are the ones tested.
 */
class OtpWithKameletsRouteTest extends KameletTestSupport {

    private static final Pattern PROPERTIES_BLOCK = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL);

    @Override
    void addRoutes() throws Exception {
        tokenAsKameletProperties(context);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/otp-with-kamelets.camel.yaml"));
    }

    /**
     * The README's {@code camel.kamelet.*} lines, read from its properties block: each Kamelet's {@code apiToken}
     * (from {@code textme.api-token}), username and sender; the {@code textme.*} values they name are the test's.
     */
    static void tokenAsKameletProperties(CamelContext context) throws IOException {
        Properties readme = readmeKameletProperties();
        for (String kamelet : List.of(SEND_KAMELET, VALIDATE_KAMELET)) {
            assertEquals("{{textme.api-token}}", readme.getProperty("camel.kamelet." + kamelet + ".apiToken"),
                         "the README gives " + kamelet + " the token as a property");
        }
        readme.forEach((key, value) -> context.getPropertiesComponent().addInitialProperty((String) key,
                                                                                         (String) value));
    }

    /** The lines starting with {@code camel.kamelet.} of the README's {@code properties} block that holds them. */
    private static Properties readmeKameletProperties() throws IOException {
        Matcher block = PROPERTIES_BLOCK.matcher(Files.readString(Path.of("README.md")));
        Properties kameletProperties = new Properties();
        while (block.find() && kameletProperties.isEmpty()) {
            Properties properties = new Properties();
            properties.load(new StringReader(block.group(1)));
            properties.stringPropertyNames().stream().filter(key -> key.startsWith("camel.kamelet."))
                    .forEach(key -> kameletProperties.setProperty(key, properties.getProperty(key)));
        }
        return kameletProperties;
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
