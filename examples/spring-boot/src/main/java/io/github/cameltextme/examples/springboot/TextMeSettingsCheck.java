package io.github.cameltextme.examples.springboot;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Stops the start, before Camel starts, when some TextMe settings are given but not all the API needs
 * ({@link TextMeSettings#requireComplete()}); {@link TextMeSettingsFailureAnalyzer} reports it.
 */
@Configuration(proxyBeanMethods = false)
public class TextMeSettingsCheck {

    public TextMeSettingsCheck(Environment environment) {
        TextMeSettings.of(environment).requireComplete();
    }
}
