package io.github.cameltextme.examples.otpservice;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Decides which TextMe the service talks to, once Camel Main has read every property (environment, application.properties,
 * overrides) into the textme-otp component and before any route starts. With no {@link TextMeSetting} at all it starts
 * the TextMe simulator in-process and points the component at it; with any, it leaves the component on the TextMe API
 * and refuses to start unless the username, the API token and the sender are all there, so that a secret that failed
 * to load stops the service instead of sending it to the simulator.
 */
final class TextMeTarget extends MainListenerSupport {

    /** The sender of the SMS the embedded simulator receives. */
    static final String SIMULATOR_SOURCE = "DemoAPI";

    private TextMeSimulator simulator;

    @Override
    public void afterConfigure(BaseMainSupport main) {
        TextMeOtpConfiguration configuration = main.getCamelContext()
                .getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
        List<TextMeSetting> given = Stream.of(TextMeSetting.values()).filter(s -> s.isSetOn(configuration)).toList();
        if (given.isEmpty()) {
            simulator = TextMeSimulator.start();
            configuration.setBaseUrl(simulator.apiUrl());
            configuration.setUsername(simulator.username());
            configuration.setApiToken(simulator.token());
            configuration.setSource(SIMULATOR_SOURCE);
            return;
        }
        List<TextMeSetting> missing = TextMeSetting.REQUIRED.stream().filter(s -> !s.isSetOn(configuration)).toList();
        if (!missing.isEmpty()) {
            throw new IncompleteTextMeSettingsException(given, missing);
        }
    }

    /** The embedded simulator, when no TextMe setting was given. */
    Optional<TextMeSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** Some TextMe settings were given, not all the API needs; the message names them, never their values. */
    static final class IncompleteTextMeSettingsException extends IllegalStateException {

        IncompleteTextMeSettingsException(List<TextMeSetting> given, List<TextMeSetting> missing) {
            super("TextMe is only partly configured: " + names(given) + (given.size() == 1 ? " is" : " are")
                  + " set, but " + names(missing) + (missing.size() == 1 ? " is" : " are") + " missing. Set "
                  + (missing.size() == 1 ? "it" : "them") + " to use the TextMe API, or remove every TextMe setting to"
                  + " run on the embedded simulator.");
        }

        private static String names(List<TextMeSetting> settings) {
            return settings.stream().map(TextMeSetting::names).collect(Collectors.joining(", "));
        }
    }
}
