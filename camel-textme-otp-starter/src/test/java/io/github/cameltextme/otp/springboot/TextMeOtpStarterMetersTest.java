package io.github.cameltextme.otp.springboot;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Actuator and a Micrometer registry, the component counts in Spring Boot's MeterRegistry with no code of the
 * application's, and Spring Boot's distribution properties reach its timer.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class TextMeOtpStarterMetersTest {

    private static final String PREFIX = "camel.component.textme-otp.";

    TextMeSimulator sim;

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        TextMeOtpComponentAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class))
                .withPropertyValues(PREFIX + "base-url=" + sim.apiUrl(),
                                    PREFIX + "username=" + sim.username(),
                                    PREFIX + "api-token=" + sim.token(),
                                    PREFIX + "source=BootApp");
    }

    @Test
    void aSendIsCountedInSpringBootsRegistry() {
        application().run(context -> {
            context.getBean(CamelContext.class).createProducerTemplate().requestBody("textme-otp:send", "0521234567");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertEquals(1, registry.get("textme.otp.exchanges").tag("operation", "send").tag("outcome", "sent")
                    .counter().count());
            String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_count{operation=\"send\"} 1"), scrape);
            assertFalse(scrape.contains("textme_otp_round_trip_seconds_bucket"), scrape);
        });
    }

    @Test
    void springBootsPercentilesHistogramPropertyTurnsTheHistogramOn() {
        application().withPropertyValues("management.metrics.distribution.percentiles-histogram.textme.otp.round.trip=true")
                .run(context -> {
                    context.getBean(CamelContext.class).createProducerTemplate()
                            .requestBody("textme-otp:send", "0521234567");

                    String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                    assertTrue(scrape.contains("textme_otp_round_trip_seconds_bucket{operation=\"send\",le=\"+Inf\"} 1"),
                               scrape);
                });
    }

    @Test
    void theComponentsRoundTripHistogramPropertyTurnsItOnToo() {
        application().withPropertyValues(PREFIX + "round-trip-histogram=true").run(context -> {
            context.getBean(CamelContext.class).createProducerTemplate().requestBody("textme-otp:send", "0521234567");

            String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_bucket{operation=\"send\",le=\"+Inf\"} 1"), scrape);
        });
    }
}
