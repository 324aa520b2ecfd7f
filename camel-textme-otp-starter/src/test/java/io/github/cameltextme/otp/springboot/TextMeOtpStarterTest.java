package io.github.cameltextme.otp.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code camel.component.textme-otp.*} properties of application.yaml reach the component, and the configuration
 * metadata documents every component option.
 */
@SpringBootTest(classes = TextMeOtpStarterTest.Application.class)
class TextMeOtpStarterTest {

    @ImportAutoConfiguration({ CamelAutoConfiguration.class, TextMeOtpComponentAutoConfiguration.class })
    static class Application {
    }

    @Autowired
    private CamelContext camelContext;

    @Test
    void propertiesFromApplicationYamlReachTheComponent() {
        TextMeOtpConfiguration configuration = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration();

        assertEquals("boot-user", configuration.getUsername());
        assertEquals("boot-token-1234", configuration.getApiToken());
        assertEquals("BootApp", configuration.getSource());
        assertEquals(7, configuration.getAppId());
        assertEquals(4, configuration.getMaxTries());
        assertEquals(12, configuration.getValidTime());
        assertEquals("Your Boot code: [code]", configuration.getText());
        assertTrue(configuration.isTestMode());
        assertTrue(configuration.isThrowOnInvalidCode());
        assertEquals("http://127.0.0.1:8089/api", configuration.getBaseUrl());
        assertEquals(2_000, configuration.getConnectTimeout());
        assertEquals(1_500, configuration.getResponseTimeout());
    }

    @Test
    void endpointsStartFromTheProperties() {
        TextMeOtpEndpoint endpoint = camelContext.getEndpoint("textme-otp:send?maxTries=5", TextMeOtpEndpoint.class);

        assertEquals(5, endpoint.getConfiguration().getMaxTries());
        assertEquals(12, endpoint.getConfiguration().getValidTime());
        assertEquals("boot-user", endpoint.getConfiguration().getUsername());
    }

    @Test
    void theMetadataDocumentsEveryComponentOption() throws Exception {
        JsonNode metadata = read("/META-INF/spring-configuration-metadata.json");
        JsonNode component = read("/META-INF/io/github/cameltextme/otp/textme-otp.json");
        Map<String, JsonNode> documented = new HashMap<>();
        metadata.get("properties").forEach(property -> documented.put(property.get("name").asText(), property));

        List<String> missing = new ArrayList<>();
        component.get("componentProperties").fieldNames().forEachRemaining(option -> {
            // the nested configuration object is for Java users; Spring users set its options one by one
            if (!option.equals("configuration")) {
                JsonNode property = documented.get("camel.component.textme-otp." + kebabCase(option));
                if (property == null || property.path("description").asText().isBlank()) {
                    missing.add(option);
                }
            }
        });
        assertTrue(missing.isEmpty(), "options without documented properties: " + missing);
        assertFalse(documented.get("camel.component.textme-otp.enabled").path("description").asText().isBlank());
        assertEquals("1", documented.get("camel.component.textme-otp.app-id").get("defaultValue").asText());
        assertEquals("java.time.Duration", documented.get("camel.component.textme-otp.connect-timeout").get("type").asText());
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = TextMeOtpStarterTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        }
    }

    private static String kebabCase(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
