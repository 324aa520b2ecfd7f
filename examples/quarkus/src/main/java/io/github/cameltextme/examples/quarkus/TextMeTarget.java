package io.github.cameltextme.examples.quarkus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Decides which TextMe the example talks to and gives Camel the {@code textme-otp} component pointed at it. With no
 * {@link TextMeSetting} at all it starts the TextMe simulator in-process; with any, it talks to the TextMe API and
 * refuses to start unless the username, the API token and the sender are all there, so that a secret that failed to
 * load stops the application instead of sending it to the simulator. The component's other options (limits, timeouts)
 * stay {@code camel.component.textme-otp.*} properties.
 */
@Singleton
public class TextMeTarget {

    /** The sender of the SMS the embedded simulator receives. */
    static final String SIMULATOR_SOURCE = "DemoAPI";

    private static final Logger LOG = Logger.getLogger(TextMeTarget.class);

    private final Map<TextMeSetting, String> given = new EnumMap<>(TextMeSetting.class);
    private final TextMeSimulator simulator;

    TextMeTarget(Config config) {
        for (TextMeSetting setting : TextMeSetting.values()) {
            config.getOptionalValue(setting.property(), String.class)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .filter(value -> !(setting == TextMeSetting.BASE_URL
                                       && value.equals(TextMeOtpConfiguration.DEFAULT_BASE_URL)))
                    .ifPresent(value -> given.put(setting, value));
        }
        List<TextMeSetting> missing = TextMeSetting.REQUIRED.stream().filter(s -> !given.containsKey(s)).toList();
        if (!given.isEmpty() && !missing.isEmpty()) {
            throw new IncompleteTextMeSettingsException(List.copyOf(given.keySet()), missing);
        }
        simulator = given.isEmpty() ? TextMeSimulator.start() : null;
        if (simulator != null) {
            LOG.infof("TextMe simulator (no TextMe setting given): SMS inbox at %s", simulator.inboxUrl());
        }
    }

    /** The component Camel finds under the name {@code textme-otp}. */
    @Produces
    @Singleton
    @Named("textme-otp")
    TextMeOtpComponent textMeOtpComponent() {
        TextMeOtpComponent component = new TextMeOtpComponent();
        TextMeOtpConfiguration configuration = component.getConfiguration();
        if (simulator != null) {
            configuration.setBaseUrl(simulator.apiUrl());
            configuration.setUsername(simulator.username());
            configuration.setApiToken(simulator.token());
            configuration.setSource(SIMULATOR_SOURCE);
        } else {
            configuration.setUsername(given.get(TextMeSetting.USERNAME));
            configuration.setApiToken(given.get(TextMeSetting.API_TOKEN));
            configuration.setSource(given.get(TextMeSetting.SOURCE));
            Optional.ofNullable(given.get(TextMeSetting.BASE_URL)).ifPresent(configuration::setBaseUrl);
        }
        return component;
    }

    /** The embedded simulator, when no TextMe setting was given. */
    public Optional<TextMeSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    @PreDestroy
    void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * Some TextMe settings were given, not all the API needs; the message names them, never their values. A
     * configuration error to Quarkus, which prints the message alone, without a stack trace, and exits with status 1.
     */
    static final class IncompleteTextMeSettingsException extends ConfigurationException {

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
