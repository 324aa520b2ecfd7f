package io.github.cameltextme.examples.otpservice;

import java.util.List;
import java.util.function.Function;

import io.github.cameltextme.otp.TextMeOtpConfiguration;

/**
 * The settings that say which TextMe the service talks to, each an environment variable the service maps to a
 * property of the textme-otp component. Given none, the service runs on the embedded simulator; given any, it talks to
 * the TextMe API, which needs the username, the API token and the sender.
 */
enum TextMeSetting {

    USERNAME("TEXTME_USERNAME", "username", TextMeOtpConfiguration::getUsername),
    API_TOKEN("TEXTME_API_TOKEN", "api-token", TextMeOtpConfiguration::getApiToken),
    SOURCE("TEXTME_SOURCE", "source", TextMeOtpConfiguration::getSource),
    BASE_URL("TEXTME_BASE_URL", "base-url", TextMeOtpConfiguration::getBaseUrl);

    /** What the TextMe API cannot do without. */
    static final List<TextMeSetting> REQUIRED = List.of(USERNAME, API_TOKEN, SOURCE);

    private final String variable;
    private final String property;
    private final Function<TextMeOtpConfiguration, String> value;

    TextMeSetting(String variable, String option, Function<TextMeOtpConfiguration, String> value) {
        this.variable = variable;
        this.property = "camel.component.textme-otp." + option;
        this.value = value;
    }

    /** The environment variable, e.g. {@code TEXTME_USERNAME}. */
    String variable() {
        return variable;
    }

    /** The component's property, e.g. {@code camel.component.textme-otp.username}. */
    String property() {
        return property;
    }

    /** Whether the component has it: not blank, and for the base URL other than TextMe's own. */
    boolean isSetOn(TextMeOtpConfiguration configuration) {
        String setting = value.apply(configuration);
        return setting != null && !setting.isBlank()
               && !(this == BASE_URL && setting.equals(TextMeOtpConfiguration.DEFAULT_BASE_URL));
    }

    /** Both names, as the messages give them: {@code TEXTME_USERNAME (camel.component.textme-otp.username)}. */
    String names() {
        return variable + " (" + property + ")";
    }
}
