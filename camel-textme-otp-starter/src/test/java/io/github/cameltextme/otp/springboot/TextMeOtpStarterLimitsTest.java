package io.github.cameltextme.otp.springboot;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpLimit;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limit properties and the limit store reach the component from a Spring Boot application, proven by sends to the
 * project's TextMe simulator on loopback: a refused send never reaches it.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class TextMeOtpStarterLimitsTest {

    private static final String PREFIX = "camel.component.textme-otp.";
    private static final String PHONE = "0521234567";

    TextMeSimulator sim;

    /** An application on the simulator's account, with no limit property set. */
    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        TextMeOtpComponentAutoConfiguration.class))
                .withPropertyValues(PREFIX + "base-url=" + sim.apiUrl(),
                                    PREFIX + "username=" + sim.username(),
                                    PREFIX + "api-token=" + sim.token(),
                                    PREFIX + "source=BootApp");
    }

    @Test
    void thePhoneSendLimitPropertiesHoldTheSends() {
        application().withPropertyValues(PREFIX + "phone-send-limit=2", PREFIX + "resend-interval=0s").run(context -> {
            send(context);
            send(context);

            TextMeOtpRateLimitException refusal = refusedSend(context);

            assertEquals(TextMeOtpLimit.PHONE_SENDS, refusal.getLimit());
            assertTrue(refusal.getRetryAfter().toSeconds() >= 1, refusal.getRetryAfter()::toString);
            assertEquals(2, sim.requests().size(), "the refused send never reached TextMe");
        });
    }

    @Test
    void theResendIntervalHoldsASecondSendByDefault() {
        application().run(context -> {
            send(context);

            assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refusedSend(context).getLimit());
            assertEquals(1, sim.requests().size());
        });
    }

    @Test
    void limitsEnabledFalseTurnsThemOff() {
        application().withPropertyValues(PREFIX + "limits-enabled=false", PREFIX + "phone-send-limit=1").run(context -> {
            send(context);
            send(context);
            send(context);

            assertEquals(3, sim.requests().size());
            assertEquals(3, sim.messages().size());
        });
    }

    @Test
    void theOneProxyManagerBeanBecomesTheLimitStore() {
        application().withBean(ProxyManager.class, InMemoryLimitStore::new).run(context -> {
            assertNull(context.getStartupFailure());
            assertSame(context.getBean(ProxyManager.class), component(context).getLimitStore());
        });
    }

    @Test
    void autowiredEnabledFalseLeavesTheBeanOut() {
        application().withBean(ProxyManager.class, InMemoryLimitStore::new)
                .withPropertyValues(PREFIX + "autowired-enabled=false")
                .run(context -> assertNull(component(context).getLimitStore()));
    }

    @Test
    void twoApplicationsSharingTheStoreBeanCountTogether() {
        ProxyManager<String> shared = new InMemoryLimitStore();
        ApplicationContextRunner instance = application()
                .withBean(ProxyManager.class, () -> shared)
                .withPropertyValues(PREFIX + "phone-send-limit=1", PREFIX + "resend-interval=0s");

        instance.run(first -> instance.run(second -> {
            send(first);

            assertEquals(TextMeOtpLimit.PHONE_SENDS, refusedSend(second).getLimit());
            assertEquals(1, sim.requests().size());
        }));
    }

    @Test
    void aLimitStoreReferencePicksTheNamedBean() {
        application()
                .withBean("localLimits", ProxyManager.class, InMemoryLimitStore::new)
                .withBean("sharedLimits", ProxyManager.class, InMemoryLimitStore::new)
                .withPropertyValues(PREFIX + "limit-store=#bean:sharedLimits")
                .run(context -> assertSame(context.getBean("sharedLimits"), component(context).getLimitStore()));
    }

    @Test
    void withTwoStoreBeansAndNoReferenceTheComponentCountsInItsOwnMemory() {
        application()
                .withBean("localLimits", ProxyManager.class, InMemoryLimitStore::new)
                .withBean("sharedLimits", ProxyManager.class, InMemoryLimitStore::new)
                .run(context -> {
                    assertNull(component(context).getLimitStore(), "neither bean is autowired");

                    send(context);
                    assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refusedSend(context).getLimit(),
                                 "the component counts in a store of its own");

                    assertNull(component(context).getLimitStore(), "the option still names no store");
                    assertEquals(0, keys(context.getBean("localLimits")), "nothing counted in localLimits");
                    assertEquals(0, keys(context.getBean("sharedLimits")), "nothing counted in sharedLimits");
                });
    }

    /** The keys an in-memory store holds. */
    private static long keys(Object store) {
        return ((InMemoryLimitStore) store).keys();
    }

    private static void send(AssertableApplicationContext context) {
        context.getBean(ProducerTemplate.class).requestBody("textme-otp:send", PHONE);
    }

    private static TextMeOtpRateLimitException refusedSend(AssertableApplicationContext context) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> send(context));
        return assertInstanceOf(TextMeOtpRateLimitException.class, e.getCause());
    }

    private static TextMeOtpComponent component(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("textme-otp", TextMeOtpComponent.class);
    }
}
