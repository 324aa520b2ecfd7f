package io.github.cameltextme.otp.springboot;

import io.github.cameltextme.otp.TextMeOtpComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.textme-otp.*} properties to the textme-otp component when Camel creates it, as
 * every Camel Spring Boot starter does. Turned off by {@code camel.component.textme-otp.enabled=false} (or
 * {@code camel.component.enabled=false}); the customizer by {@code camel.component.textme-otp.customizer.enabled=false}.
 * <p>
 * The options of the component's nested configuration are flat properties here too ({@code proxy-host}, not
 * {@code configuration.proxy-host}): the component's generated configurer sets them on its configuration. Bean options
 * take {@code #bean:name} or {@code #name}, resolved by {@link TextMeOtpComponentConverter}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, TextMeOtpComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.textme-otp" })
public class TextMeOtpComponentAutoConfiguration {

    /**
     * Resolves {@code #bean:name} and {@code #name} references of bean options while the properties are bound. Static,
     * so that Spring Boot can create it before any {@code @ConfigurationProperties} bean is bound.
     */
    @Bean
    @ConfigurationPropertiesBinding
    public static TextMeOtpComponentConverter textMeOtpComponentConverter(ApplicationContext applicationContext) {
        return new TextMeOtpComponentConverter(applicationContext);
    }

    /** Copies the properties that are set onto the component. */
    @Lazy
    @Bean
    public ComponentCustomizer configureTextMeOtpComponent(
            ApplicationContext applicationContext, CamelContext camelContext,
            TextMeOtpComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                        applicationContext, "camel.component.customizer", "camel.component.textme-otp.customizer")
                       && target instanceof TextMeOtpComponent;
            }
        };
    }
}
