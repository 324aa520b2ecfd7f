package io.github.cameltextme.examples.quarkus;

import java.util.Map;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which TextMe the example talks to, from its configuration alone. */
class TextMeTargetTest {

    @Test
    void someSettingsWithoutTheRestStopTheStartNamingWhatIsMissingAndNoValue() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> new TextMeTarget(
                config(Map.of("textme.api-token", "secret-token-value", "textme.source", "Shop"))));

        assertEquals("TextMe is only partly configured: TEXTME_API_TOKEN (textme.api-token), TEXTME_SOURCE (textme.source)"
                     + " are set, but TEXTME_USERNAME (textme.username) is missing. Set it to use the TextMe API, or"
                     + " remove every TextMe setting to run on the embedded simulator.", refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-token-value"));
    }

    @Test
    void blankSettingsAndTextMesOwnUrlCountAsNotGiven() {
        TextMeTarget target = new TextMeTarget(config(Map.of(
                "textme.username", " ", "textme.base-url", "https://my.textme.co.il/api")));
        try {
            assertTrue(target.simulator().isPresent());
        } finally {
            target.close();
        }
    }

    @Test
    void everyRequiredSettingMeansTheApiAndNoSimulator() {
        TextMeTarget target = new TextMeTarget(config(Map.of(
                "textme.username", "shop", "textme.api-token", "t", "textme.source", "Shop")));

        assertTrue(target.simulator().isEmpty());
        assertEquals("shop", target.textMeOtpComponent().getConfiguration().getUsername());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
