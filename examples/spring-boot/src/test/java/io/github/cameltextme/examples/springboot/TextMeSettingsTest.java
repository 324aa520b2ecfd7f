package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any TextMe setting given means the TextMe API: no embedded simulator, and no start at all while the username, the
 * token or the sender is missing. Command-line arguments win over application.yaml and the build's environment.
 */
@ExtendWith(OutputCaptureExtension.class)
class TextMeSettingsTest {

    private static final String TOKEN = "secret-token-1234";

    @Test
    void aSenderWithoutAccountStopsTheStartNamingWhatIsMissing(CapturedOutput output) {
        refusal(() -> start("MyShop", "", "", "").close());

        assertTrue(output.getAll().contains("APPLICATION FAILED TO START"), output.getAll());
        assertTrue(output.getAll().contains("TextMe is only partly configured: camel.component.textme-otp.source set, but"
                                            + " camel.component.textme-otp.username, camel.component.textme-otp.api-token"
                                            + " missing."), output.getAll());
        assertFalse(output.getAll().contains("embedded TextMe simulator"), "no simulator started");
    }

    @Test
    void aTokenWhoseUsernameFailedToLoadStopsTheStartWithoutShowingTheToken(CapturedOutput output) {
        Throwable refused = refusal(() -> start("MyShop", "", TOKEN, "").close());

        assertTrue(refused.getMessage().endsWith("but camel.component.textme-otp.username missing"), refused.getMessage());
        assertFalse(output.getAll().contains(TOKEN), "the token is shown");
    }

    @Test
    void withEverySettingTheApplicationTalksToTheConfiguredApiAndStartsNoSimulator() throws Exception {
        try (TextMeSimulator standIn = TextMeSimulator.start();
             ConfigurableApplicationContext app = start(EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE,
                                                        standIn.username(), standIn.token(), standIn.apiUrl())) {
            assertTrue(app.getBeansOfType(TextMeSimulator.class).isEmpty(), "no embedded simulator");

            OtpApi api = new OtpApi(((WebServerApplicationContext) app).getWebServer().getPort());
            assertEquals(200, api.send("052-765-5001").status());
            assertEquals(1, standIn.messages().size(), "the SMS went to the configured API");
        }
    }

    /** The start's failure, which Spring wraps: its cause, that of the incomplete settings. */
    private static Throwable refusal(Executable start) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(assertThrows(BeanCreationException.class, start));
        return assertInstanceOf(TextMeSettings.IncompleteTextMeSettingsException.class, cause);
    }

    private static ConfigurableApplicationContext start(String source, String username, String token, String baseUrl) {
        return new SpringApplicationBuilder(TextMeOtpExampleApplication.class).run(
                "--server.port=0",
                "--textme.limits.redis-url=",
                "--camel.component.textme-otp.source=" + source,
                "--camel.component.textme-otp.username=" + username,
                "--camel.component.textme-otp.api-token=" + token,
                "--camel.component.textme-otp.base-url=" + baseUrl);
    }
}
