package io.github.cameltextme.examples.otpservice;

import java.net.ServerSocket;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which TextMe the service talks to: the embedded simulator only when no TextMe setting is given at all; with any, the
 * TextMe API, and no start at all while the username, the token or the sender is missing.
 */
class TextMeSettingsTest {

    @Test
    void withNoTextMeSettingTheServiceRunsOnItsEmbeddedSimulator() throws Exception {
        try (OtpService service = OtpService.start(onFreePort(""), OtpServiceSettings.textMeProperties(Map.of()))) {
            TextMeSimulator simulator = service.simulator().orElseThrow();

            assertEquals(200, send(service, "054-321-5001").statusCode());
            assertEquals(TextMeTarget.SIMULATOR_SOURCE, simulator.messages().get(0).source());
        }
    }

    @Test
    void aSenderWithoutAccountStopsTheStartNamingWhatIsMissing() throws Exception {
        OtpServiceSettings settings = onFreePort("");

        IllegalStateException refused = assertThrows(TextMeTarget.IncompleteTextMeSettingsException.class,
                () -> OtpService.start(settings, OtpServiceSettings.textMeProperties(Map.of("TEXTME_SOURCE", "MyShop"))));

        assertEquals("TextMe is only partly configured: TEXTME_SOURCE (camel.component.textme-otp.source) is set, but"
                     + " TEXTME_USERNAME (camel.component.textme-otp.username), TEXTME_API_TOKEN"
                     + " (camel.component.textme-otp.api-token) are missing. Set them to use the TextMe API, or remove"
                     + " every TextMe setting to run on the embedded simulator.", refused.getMessage());
        try (ServerSocket port = new ServerSocket(settings.port())) {
            assertEquals(settings.port(), port.getLocalPort(), "nothing serves on the service's port");
        }
    }

    @Test
    void aTokenWhoseUsernameFailedToLoadStopsTheStartWithoutShowingTheToken() {
        Map<String, String> environment = Map.of("TEXTME_API_TOKEN", "secret-token-1234", "TEXTME_SOURCE", "MyShop",
                                                 "TEXTME_USERNAME", " ");

        IllegalStateException refused = assertThrows(TextMeTarget.IncompleteTextMeSettingsException.class,
                () -> OtpService.start(onFreePort(""), OtpServiceSettings.textMeProperties(environment)));

        assertTrue(refused.getMessage().contains("but TEXTME_USERNAME (camel.component.textme-otp.username) is missing."),
                   refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-token-1234"), refused.getMessage());
    }

    @Test
    void aBaseUrlAloneIsASettingToo() {
        IllegalStateException refused = assertThrows(TextMeTarget.IncompleteTextMeSettingsException.class,
                () -> OtpService.start(onFreePort(""),
                                       Map.of("camel.component.textme-otp.base-url", "https://textme.example/api")));

        assertTrue(refused.getMessage().startsWith("TextMe is only partly configured: TEXTME_BASE_URL"
                                                   + " (camel.component.textme-otp.base-url) is set, but TEXTME_USERNAME"),
                   refused.getMessage());
    }

    @Test
    void withEverySettingTheServiceTalksToTheConfiguredApiAndStartsNoSimulator() throws Exception {
        try (TextMeSimulator standIn = TextMeSimulator.start();
             OtpService service = OtpService.start(onFreePort(""), textMeAt(standIn))) {
            assertTrue(service.simulator().isEmpty(), "no embedded simulator");

            assertEquals(200, send(service, "054-321-5002").statusCode());
            assertEquals(1, standIn.messages().size(), "the SMS went to the configured API");
        }
    }
}
