package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.lettuce.core.RedisURI;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs, once the application is up, where the endpoints are, where the SMS go and where the send limits count. */
@Component
public class StartupLog {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

    private final CamelContext camelContext;
    private final ObjectProvider<TextMeSimulator> simulator;
    private final String limitsRedisUrl;

    public StartupLog(CamelContext camelContext, ObjectProvider<TextMeSimulator> simulator,
                      @Value("${" + RedisLimitsConfiguration.REDIS_URL_PROPERTY + ":}") String limitsRedisUrl) {
        this.camelContext = camelContext;
        this.simulator = simulator;
        this.limitsRedisUrl = limitsRedisUrl;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        LOG.info("Phone verification ready: POST http://localhost:{}/otp/send and http://localhost:{}/otp/verify",
                 port, port);

        TextMeSimulator sim = simulator.getIfAvailable();
        if (sim != null) {
            LOG.info("No TextMe setting given: the SMS go to the embedded TextMe simulator; read the codes at {}",
                     sim.inboxUrl());
        } else {
            TextMeOtpConfiguration textMe = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                    .getConfiguration();
            LOG.info("The SMS go to TextMe at {}{}", textMe.getBaseUrl(),
                     textMe.isTestMode() ? " in test mode (dry run: no SMS is sent)" : "");
        }

        if (limitsRedisUrl.isBlank()) {
            LOG.info("The send limits count in this JVM's memory (no TEXTME_LIMITS_REDIS_URL set)");
        } else {
            // host and port only: the URL may hold a password
            RedisURI redis = RedisURI.create(limitsRedisUrl.strip());
            LOG.info("The send limits count in Redis at {}:{}, shared by every instance using it",
                     redis.getHost(), redis.getPort());
        }
    }
}
