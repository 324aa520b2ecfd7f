package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: when no TextMe setting is given at all ({@link TextMeSettings}), a TextMe simulator runs in
 * this process, closed with the application context, and the component talks to it, as sender {@code DemoAPI}. Its
 * SMS inbox, where the codes are, is logged at start-up. With any TextMe setting given, no simulator starts, and
 * {@link TextMeSettingsCheck} stops the start while one the API needs is missing.
 * <p>
 * The simulator picks a free port when it starts, after the properties were read, so it cannot be set as a property in
 * application.yaml. Instead a {@link ComponentCustomizer} points the component at it: Camel applies customizers in
 * ascending order when it creates the component, so this one ({@link Ordered#LOWEST}) runs after the starter's, which
 * copied {@code camel.component.textme-otp.*}, and sets only the URL, the account and the sender; the SMS text and
 * every other option stay as configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSimulatorConfiguration.NoTextMeSetting.class)
public class EmbeddedSimulatorConfiguration {

    static final String SIMULATOR_SOURCE = "DemoAPI";

    @Bean(destroyMethod = "close")
    public TextMeSimulator textMeSimulator() {
        return TextMeSimulator.start();
    }

    @Bean
    public ComponentCustomizer textMeOtpToSimulator(TextMeSimulator simulator) {
        return ComponentCustomizer.builder(TextMeOtpComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(component -> {
                    TextMeOtpConfiguration configuration = component.getConfiguration();
                    configuration.setBaseUrl(simulator.apiUrl());
                    configuration.setUsername(simulator.username());
                    configuration.setApiToken(simulator.token());
                    configuration.setSource(SIMULATOR_SOURCE);
                });
    }

    /** Matches when no TextMe setting is given. */
    static final class NoTextMeSetting implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TextMeSettings.of(context.getEnvironment()).noneGiven();
        }
    }
}
