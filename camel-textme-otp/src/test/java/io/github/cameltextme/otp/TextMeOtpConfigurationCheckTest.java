package io.github.cameltextme.otp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static TextMeOtpConfiguration sendConfiguration() {
        TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();
        configuration.setOperation(TextMeOtpOperation.send);
        configuration.setUsername("acme");
        configuration.setApiToken("not-a-real-token");
        configuration.setSource("Acme");
        return configuration;
    }
}
