package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.LocalRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code textme.limits.redis-url} (TEXTME_LIMITS_REDIS_URL) set, two runs of the application on two ports, which
 * share nothing but a real redis-server (and the simulator standing in for TextMe), hold a phone to one resend
 * interval; a Redis that stops answering makes a send 503, with nothing sent.
 */
@ExtendWith({ TextMeSimulatorExtension.class, OutputCaptureExtension.class })
class SharedRedisLimitsTest {

    static TextMeSimulator sim;

    @Test
    void twoInstancesSharingOneRedisHoldAPhoneToOneResendInterval(CapturedOutput output) throws Exception {
        try (LocalRedisServer redis = LocalRedisServer.start();
             ConfigurableApplicationContext first = start(redis);
             ConfigurableApplicationContext second = start(redis)) {
            assertTrue(output.getAll().contains("The send limits count in Redis at 127.0.0.1:" + redis.port()),
                       "where the limits count is logged");

            assertEquals(200, api(first).send("052-765-0001").status());
            OtpApi.Answer again = api(second).send("052-765-0001");

            again.assertTooManyRequests(30);
            assertEquals(1, OtpApi.refusedBy(second.getBean(MeterRegistry.class), "resend_interval"),
                         "refused by RESEND_INTERVAL");
            assertEquals(1, sim.messages().size(), "one SMS from the two instances");
        }
    }

    @Test
    void aStoppedRedisIs503AndSendsNothing() throws Exception {
        try (LocalRedisServer redis = LocalRedisServer.start();
             ConfigurableApplicationContext app = start(redis)) {
            assertEquals(200, api(app).send("052-765-0002").status());
            redis.stop();

            OtpApi.Answer refused = api(app).send("052-765-0003");

            refused.assertOnlyError(503);
            assertEquals(OtpHttpContract.LIMITS_UNAVAILABLE, refused.body().path("error").asText());
            assertEquals(1, sim.messages().size(), "nothing sent once Redis stopped");
        }
    }

    /**
     * A run of the application on a free port, on the simulator, its limits in the given Redis; command-line
     * arguments, so that they win over application.yaml and the environment. A short connectTimeout bounds how long a
     * send waits for a Redis that does not answer.
     */
    private static ConfigurableApplicationContext start(LocalRedisServer redis) {
        return new SpringApplicationBuilder(TextMeOtpExampleApplication.class).run(
                "--server.port=0",
                "--camel.component.textme-otp.base-url=" + sim.apiUrl(),
                "--camel.component.textme-otp.username=" + sim.username(),
                "--camel.component.textme-otp.api-token=" + sim.token(),
                "--camel.component.textme-otp.source=" + EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE,
                "--camel.component.textme-otp.connect-timeout=1s",
                "--textme.limits.redis-url=" + redis.uri());
    }

    private static OtpApi api(ConfigurableApplicationContext app) {
        return new OtpApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
