package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The examples' HTTP contract, held by the application as it runs in production: in a JVM of its own, sending to a
 * simulator of this test as the TextMe API. The readiness check's balance call is made once, at the start, so that no
 * background call takes a fault the suite injects for a send or a validate.
 */
class SpringBootContractTest extends OtpHttpContract {

    private static TextMeSimulator simulator;
    private static ApplicationProcess application;

    @BeforeAll
    static void startApplication() throws Exception {
        simulator = TextMeSimulator.start();
        application = ApplicationProcess.start(Map.of("TEXTME_USERNAME", simulator.username(),
                                                      "TEXTME_API_TOKEN", simulator.token(),
                                                      "TEXTME_SOURCE", EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE),
                                               "--camel.component.textme-otp.base-url=" + simulator.apiUrl(),
                                               "--camel.component.textme-otp.balance-check-interval=1h");
    }

    @AfterAll
    static void stopApplication() throws Exception {
        if (application != null) {
            application.close();
        }
        simulator.close();
    }

    @Override
    protected String baseUrl() {
        return application.url();
    }

    @Override
    protected TextMeSimulator textMe() {
        return simulator;
    }

    @Override
    protected List<String> errorLogLines() throws IOException {
        return application.output().lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList();
    }
}
