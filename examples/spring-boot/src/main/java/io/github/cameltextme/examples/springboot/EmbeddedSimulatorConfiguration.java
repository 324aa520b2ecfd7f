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
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no TextMe API token is configured ({@code TEXTME_API_TOKEN} unset or empty), a TextMe
 * simulator runs in this process, closed with the application context, and the component talks to it. Its SMS
 * inbox, where the codes are, is logged at start-up.
 * <p>
 * The simulator picks a free port when it starts, after the properties were read, so it cannot be set as a property in
 * application.yaml. Instead a {@link ComponentCustomizer} points the component at it: Camel applies customizers in
 * ascending order when it creates the component, so this one ({@link Ordered#LOWEST}) runs after the starter's, which
 * copied {@code camel.component.textme-otp.*}, and replaces only the URL and the account; the sender, SMS text and
 * every other option stay as configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSimulatorConfiguration.NoApiToken.class)
public class EmbeddedSimulatorConfiguration {

    static final String API_TOKEN_PROPERTY = "camel.component.textme-otp.api-token";

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
                });
    }

    /** Matches when the API token property is absent or blank. */
    static final class NoApiToken implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(API_TOKEN_PROPERTY));
        }
    }
}
