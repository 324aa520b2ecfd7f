package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs, once the application is up, where the endpoints are and where the SMS go. */
@Component
public class StartupLog {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

    private final CamelContext camelContext;
    private final ObjectProvider<TextMeSimulator> simulator;

    public StartupLog(CamelContext camelContext, ObjectProvider<TextMeSimulator> simulator) {
        this.camelContext = camelContext;
        this.simulator = simulator;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        LOG.info("Phone verification ready: POST http://localhost:{}/otp/send and http://localhost:{}/otp/verify",
                 port, port);

        TextMeSimulator sim = simulator.getIfAvailable();
        if (sim != null) {
            LOG.info("No TEXTME_API_TOKEN set: the SMS go to the embedded TextMe simulator; read the codes at {}",
                     sim.inboxUrl());
        } else {
            TextMeOtpConfiguration textMe = camelContext.getComponent("textme-otp", TextMeOtpComponent.class)
                    .getConfiguration();
            LOG.info("The SMS go to TextMe at {}{}", textMe.getBaseUrl(),
                     textMe.isTestMode() ? " in test mode (dry run: no SMS is sent)" : "");
        }
    }
}
