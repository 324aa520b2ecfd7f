package io.github.cameltextme.otp.springboot;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpEndpoint;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options the component gained after the first starter (connection pool, proxy, TLS, health checks, limits) reach
 * it from
 * {@code camel.component.textme-otp.*}: those of the component itself and those of its nested configuration, set as
 * flat properties. The properties here override application.yaml's. The limits' windows are durations in Spring's
 * forms, a plain number being milliseconds.
 */
@SpringBootTest(classes = TextMeOtpStarterOptionsTest.Application.class,
                properties = {
                        "camel.component.textme-otp.base-url=http://textme.internal.example/api",
                        "camel.component.textme-otp.allow-insecure-http=true",
                        "camel.component.textme-otp.max-connections=7",
                        "camel.component.textme-otp.proxy-host=proxy.internal.example",
                        "camel.component.textme-otp.proxy-port=3128",
                        "camel.component.textme-otp.proxy-scheme=https",
                        "camel.component.textme-otp.proxy-auth-username=proxy-user",
                        "camel.component.textme-otp.proxy-auth-password=proxy-secret",
                        "camel.component.textme-otp.health-check-producer-enabled=false",
                        "camel.component.textme-otp.health-check-consumer-enabled=false",
                        "camel.component.textme-otp.balance-check-interval=2m",
                        "camel.component.textme-otp.use-global-ssl-context-parameters=true",
                        "camel.component.textme-otp.ssl-context-parameters=#myTls",
                        "camel.component.textme-otp.connect-timeout=3s",
                        "camel.component.textme-otp.response-timeout=2500ms",
                        "camel.component.textme-otp.limits-enabled=false",
                        "camel.component.textme-otp.resend-interval=45s",
                        "camel.component.textme-otp.phone-send-limit=3",
                        "camel.component.textme-otp.phone-send-window=15m",
                        "camel.component.textme-otp.client-send-limit=20",
                        "camel.component.textme-otp.client-send-window=2h",
                        "camel.component.textme-otp.account-send-limit=500",
                        "camel.component.textme-otp.account-send-window=1d",
                        "camel.component.textme-otp.failed-validation-limit=4",
                        "camel.component.textme-otp.failed-validation-window=90000",
                        "camel.component.textme-otp.limit-store=#sharedLimits" })
class TextMeOtpStarterOptionsTest {

    @ImportAutoConfiguration({ CamelAutoConfiguration.class, TextMeOtpComponentAutoConfiguration.class })
    static class Application {

        @Bean
        SSLContextParameters myTls() {
            SSLContextParameters tls = new SSLContextParameters();
            tls.setSecureSocketProtocol("TLSv1.3");
            return tls;
        }

        /** A second bean of the same type: the reference must pick by name. */
        @Bean
        SSLContextParameters otherTls() {
            return new SSLContextParameters();
        }

        @Bean
        ProxyManager<String> sharedLimits() {
            return new InMemoryLimitStore();
        }

        /** A second store: without the reference, Camel would autowire neither. */
        @Bean
        ProxyManager<String> localLimits() {
            return new InMemoryLimitStore();
        }
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ApplicationContext applicationContext;

    @Test
    void optionsOfTheComponentItselfReachIt() {
        TextMeOtpComponent component = camelContext.getComponent("textme-otp", TextMeOtpComponent.class);

        assertEquals(7, component.getMaxConnections());
        assertFalse(component.isHealthCheckProducerEnabled());
        assertFalse(component.isHealthCheckConsumerEnabled());
        assertEquals(120_000, component.getBalanceCheckInterval());
        assertTrue(component.isUseGlobalSslContextParameters());
    }

    @Test
    void optionsOfTheNestedConfigurationReachItAsFlatProperties() {
        TextMeOtpConfiguration configuration = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration();

        assertEquals("http://textme.internal.example/api", configuration.getBaseUrl());
        assertTrue(configuration.isAllowInsecureHttp());
        assertEquals("proxy.internal.example", configuration.getProxyHost());
        assertEquals(3128, configuration.getProxyPort());
        assertEquals("https", configuration.getProxyScheme());
        assertEquals("proxy-user", configuration.getProxyAuthUsername());
        assertEquals("proxy-secret", configuration.getProxyAuthPassword());
        assertEquals(3_000, configuration.getConnectTimeout());
        assertEquals(2_500, configuration.getResponseTimeout());
        // application.yaml's values still apply where nothing overrides them
        assertEquals("boot-user", configuration.getUsername());
        assertEquals(4, configuration.getMaxTries());
    }

    @Test
    void theLimitOptionsReachTheNestedConfiguration() {
        TextMeOtpConfiguration configuration = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration();

        assertFalse(configuration.isLimitsEnabled());
        assertEquals(45_000, configuration.getResendInterval());
        assertEquals(3, configuration.getPhoneSendLimit());
        assertEquals(900_000, configuration.getPhoneSendWindow());
        assertEquals(20, configuration.getClientSendLimit());
        assertEquals(7_200_000, configuration.getClientSendWindow());
        assertEquals(500, configuration.getAccountSendLimit());
        assertEquals(86_400_000, configuration.getAccountSendWindow());
        assertEquals(4, configuration.getFailedValidationLimit());
        assertEquals(90_000, configuration.getFailedValidationWindow());
    }

    @Test
    void theLimitStoreReferenceResolvesToThatBean() {
        assertSame(applicationContext.getBean("sharedLimits"),
                   camelContext.getComponent("textme-otp", TextMeOtpComponent.class).getLimitStore());
    }

    @Test
    void aBeanReferenceResolvesToThatBeanOfTheApplicationContext() {
        SSLContextParameters tls = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration().getSslContextParameters();

        assertSame(applicationContext.getBean("myTls"), tls);
        assertEquals("TLSv1.3", tls.getSecureSocketProtocol());
    }

    @Test
    void endpointsStartFromTheNewOptions() {
        // an http:// URL to a host that is not loopback is accepted only because of allow-insecure-http
        TextMeOtpEndpoint endpoint = camelContext.getEndpoint("textme-otp:validate", TextMeOtpEndpoint.class);
        TextMeOtpConfiguration configuration = endpoint.getConfiguration();

        assertTrue(configuration.isAllowInsecureHttp());
        assertEquals("proxy.internal.example", configuration.getProxyHost());
        assertEquals(3128, configuration.getProxyPort());
        assertSame(applicationContext.getBean("myTls"), configuration.getSslContextParameters());
        assertEquals(45_000, configuration.getResendInterval());
        assertEquals(500, configuration.getAccountSendLimit());
    }
}
