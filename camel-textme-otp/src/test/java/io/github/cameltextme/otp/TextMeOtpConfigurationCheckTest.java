package io.github.cameltextme.otp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration checks its own options, the same checks an endpoint runs when it is created.
 */
class TextMeOtpConfigurationCheckTest {

    @Test
    void aCompleteConfigurationPasses() {
        TextMeOtpConfiguration configuration = sendConfiguration();
        assertDoesNotThrow(configuration::check);
    }

    @Test
    void theFirstOptionThatDoesNotHoldIsNamed() {
        TextMeOtpConfiguration configuration = sendConfiguration();
        configuration.setApiToken(" ");
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class, configuration::check);
        assertEquals("apiToken", e.getField());
        assertEquals("Invalid apiToken: is required: set it on the endpoint (apiToken=...) or on the component"
                     + " (camel.component.textme-otp.api-token=...)", e.getMessage());
    }

    @Test
    void theSendOptionsAreCheckedOnlyForSend() {
        TextMeOtpConfiguration configuration = sendConfiguration();
        configuration.setMaxTries(9);
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class, configuration::check);
        assertEquals("maxTries", e.getField());

        configuration.setOperation(TextMeOtpOperation.validate);
        assertDoesNotThrow(configuration::check);
    }

    @ParameterizedTest
    @ValueSource(strings = { "baseUrl-https", "baseUrl-ftp", "baseUrl-host", "proxyScheme", "operation" })
    void aHugeOptionIsQuotedByAShortPrefixAtMost(String option) {
        String huge = "y".repeat(1_000_000);
        TextMeOtpConfiguration configuration = sendConfiguration();
        switch (option) {
            case "baseUrl-https" -> configuration.setBaseUrl("https://my.textme.co.il/a b" + huge);
            case "baseUrl-ftp" -> configuration.setBaseUrl("ftp://" + huge);
            case "baseUrl-host" -> configuration.setBaseUrl("http://" + huge + ".example/api");
            case "proxyScheme" -> configuration.setProxyScheme(huge);
            default -> { }
        }
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                option.equals("operation") ? () -> TextMeOtpOperation.fromUriPath(huge) : configuration::check);

        assertEquals(option.replaceFirst("-.*", ""), e.getField());
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
    }

    private static TextMeOtpConfiguration sendConfiguration() {
        TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();
        configuration.setOperation(TextMeOtpOperation.send);
        configuration.setUsername("acme");
        configuration.setApiToken("not-a-real-token");
        configuration.setSource("Acme");
        return configuration;
    }
}
