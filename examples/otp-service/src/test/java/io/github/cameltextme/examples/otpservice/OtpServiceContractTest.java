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
 * its own, sending to a simulator of this test as the TextMe API, its metrics on the management port.
 */
class OtpServiceContractTest extends OtpHttpContract {

    private static TextMeSimulator simulator;
    private static ServiceProcess service;
    private static int managementPort;

    @BeforeAll
    static void startService() throws Exception {
        simulator = TextMeSimulator.start();
        managementPort = ServiceCalls.freePort();
        service = ServiceProcess.start(Map.of("TEXTME_BASE_URL", simulator.apiUrl(),
                                              "TEXTME_USERNAME", simulator.username(),
                                              "TEXTME_API_TOKEN", simulator.token(),
                                              "TEXTME_SOURCE", TextMeTarget.SIMULATOR_SOURCE,
                                              "OTP_SERVICE_MANAGEMENT_ENABLED", "true",
                                              "OTP_SERVICE_MANAGEMENT_PORT", String.valueOf(managementPort)));
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

    @Override
    protected String prometheusMetrics() throws IOException, InterruptedException {
        return ServiceCalls.metrics(managementPort);
    }
}
