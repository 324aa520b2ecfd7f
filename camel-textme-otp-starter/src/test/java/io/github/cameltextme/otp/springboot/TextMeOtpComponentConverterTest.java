package io.github.cameltextme.otp.springboot;

import java.util.Map;
import java.util.function.Function;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bean options take {@code #bean:name} or {@code #name}; anything else, or a bean that is not there, stops the
 * application from starting instead of leaving the option unset. Without any property the component keeps its
 * defaults.
 */
class TextMeOtpComponentConverterTest {

    /** The limit options, which the starter always copies: its defaults must be the component's. */
    private static final Map<String, Function<TextMeOtpConfiguration, Object>> LIMITS = Map.of(
            "limitsEnabled", TextMeOtpConfiguration::isLimitsEnabled,
            "resendInterval", TextMeOtpConfiguration::getResendInterval,
            "phoneSendLimit", TextMeOtpConfiguration::getPhoneSendLimit,
            "phoneSendWindow", TextMeOtpConfiguration::getPhoneSendWindow,
            "clientSendLimit", TextMeOtpConfiguration::getClientSendLimit,
            "clientSendWindow", TextMeOtpConfiguration::getClientSendWindow,
            "accountSendLimit", TextMeOtpConfiguration::getAccountSendLimit,
            "accountSendWindow", TextMeOtpConfiguration::getAccountSendWindow,
            "failedValidationLimit", TextMeOtpConfiguration::getFailedValidationLimit,
            "failedValidationWindow", TextMeOtpConfiguration::getFailedValidationWindow);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    TextMeOtpComponentAutoConfiguration.class))
            .withUserConfiguration(TlsBeans.class);

    @Configuration(proxyBeanMethods = false)
    static class TlsBeans {

        @Bean
        SSLContextParameters myTls() {
            return new SSLContextParameters();
        }

        @Bean
        SSLContextParameters otherTls() {
            return new SSLContextParameters();
        }
    }

    @Test
    void theBeanPrefixFormResolvesTheNamedBean() {
        runner.withPropertyValues("camel.component.textme-otp.ssl-context-parameters=#bean:otherTls").run(context -> {
            assertNull(context.getStartupFailure());
            assertSame(context.getBean("otherTls"), configuration(context.getBean(CamelContext.class))
                    .getSslContextParameters());
        });
    }

    @Test
    void aMissingBeanStopsTheStart() {
        runner.withPropertyValues("camel.component.textme-otp.ssl-context-parameters=#noSuchTls").run(context -> {
            assertNotNull(context.getStartupFailure());
            assertTrue(messages(context.getStartupFailure()).contains("noSuchTls"),
                    () -> messages(context.getStartupFailure()));
        });
    }

    @Test
    void aValueThatIsNotAReferenceStopsTheStart() {
        runner.withPropertyValues("camel.component.textme-otp.ssl-context-parameters=myTls").run(context -> {
            assertNotNull(context.getStartupFailure());
            assertTrue(messages(context.getStartupFailure()).contains("#bean:name or #name"),
                    () -> messages(context.getStartupFailure()));
        });
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.run(context -> {
            assertNull(context.getStartupFailure());
            TextMeOtpComponent component = context.getBean(CamelContext.class)
                    .getComponent("textme-otp", TextMeOtpComponent.class);
            TextMeOtpConfiguration configuration = component.getConfiguration();

            assertEquals(20, component.getMaxConnections());
            assertTrue(component.isHealthCheckProducerEnabled());
            assertTrue(component.isHealthCheckConsumerEnabled());
            assertFalse(component.isUseGlobalSslContextParameters());
            assertNull(configuration.getSslContextParameters());
            assertNull(configuration.getProxyHost());
            assertNull(configuration.getProxyPort());
            assertEquals("http", configuration.getProxyScheme());
            assertFalse(configuration.isAllowInsecureHttp());
            assertEquals(5_000, configuration.getConnectTimeout());
            assertEquals(15_000, configuration.getResponseTimeout());
            TextMeOtpConfiguration componentDefaults = new TextMeOtpConfiguration();
            LIMITS.forEach((name, limit) -> assertEquals(limit.apply(componentDefaults), limit.apply(configuration), name));
            assertNull(component.getLimitStore(), "no store bean: the component makes its own when an endpoint starts");
        });
    }

    private static TextMeOtpConfiguration configuration(CamelContext camelContext) {
        return camelContext.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
