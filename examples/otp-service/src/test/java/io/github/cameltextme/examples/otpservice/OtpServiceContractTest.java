package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The examples' HTTP contract, held by the service as its users start it: {@link OtpServiceApplication} in a JVM of
 * its own, sending to a simulator of this test as the TextMe API.
 */
class OtpServiceContractTest extends OtpHttpContract {

    private static TextMeSimulator simulator;
    private static ServiceProcess service;

    @BeforeAll
    static void startService() throws Exception {
        simulator = TextMeSimulator.start();
        service = ServiceProcess.start(Map.of("TEXTME_BASE_URL", simulator.apiUrl(),
                                              "TEXTME_USERNAME", simulator.username(),
                                              "TEXTME_API_TOKEN", simulator.token(),
                                              "TEXTME_SOURCE", TextMeTarget.SIMULATOR_SOURCE));
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
        simulator.close();
    }

    @Override
    protected String baseUrl() {
        return service.url();
    }

    @Override
    protected TextMeSimulator textMe() {
        return simulator;
    }

    @Override
    protected List<String> errorLogLines() throws IOException {
        return service.output().lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList();
    }
}
