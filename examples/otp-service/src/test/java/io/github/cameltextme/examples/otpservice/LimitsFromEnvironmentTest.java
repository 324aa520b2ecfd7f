package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.assertTooManyRequests;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.metrics;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.sendBody;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.verifyBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code TEXTME_ACCOUNT_SEND_LIMIT} and {@code TEXTME_CLIENT_VALIDATION_LIMIT} set the account budget and the validates
 * per caller's address: the service started by its main class, in a JVM of its own, with both set to 2 in its
 * environment and a simulator standing in for TextMe.
 */
class LimitsFromEnvironmentTest {

    private static TextMeSimulator simulator;
    private static ServiceProcess service;
    private static int managementPort;

    @BeforeAll
    static void startService() throws Exception {
        simulator = TextMeSimulator.start();
        managementPort = ServiceCalls.freePort();
        service = ServiceProcess.start(Map.of("TEXTME_USERNAME", simulator.username(),
                                              "TEXTME_API_TOKEN", simulator.token(),
                                              "TEXTME_SOURCE", TextMeTarget.SIMULATOR_SOURCE,
                                              "TEXTME_BASE_URL", simulator.apiUrl(),
                                              "TEXTME_ACCOUNT_SEND_LIMIT", "2",
                                              "TEXTME_CLIENT_VALIDATION_LIMIT", "2",
                                              "OTP_SERVICE_MANAGEMENT_ENABLED", "true",
                                              "OTP_SERVICE_MANAGEMENT_PORT", String.valueOf(managementPort)));
    }

    @AfterAll
    static void stopService() throws Exception {
        try {
            service.close();
        } finally {
            simulator.close();
        }
    }

    @Test
    void theAccountSendLimitVariableSetsTheAccountBudget() throws Throwable {
        showingTheOutputOnFailure(() -> {
            assertEquals(200, post(service.url(), "/otp/send", sendBody("054-321-5001")).statusCode());
            assertEquals(200, post(service.url(), "/otp/send", sendBody("054-321-5002")).statusCode());

            HttpResponse<String> third = post(service.url(), "/otp/send", sendBody("054-321-5003"));

            assertTooManyRequests(third, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("account_sends", metrics(managementPort)), "refused by ACCOUNT_SENDS");
            assertEquals(2, simulator.messages().size(), "the refused send reached no SMS");
        });
    }

    @Test
    void theClientValidationLimitVariableSetsTheValidatesPerAddress() throws Throwable {
        showingTheOutputOnFailure(() -> {
            assertEquals(200, post(service.url(), "/otp/verify", verifyBody("054-321-5101")).statusCode());
            assertEquals(200, post(service.url(), "/otp/verify", verifyBody("054-321-5102")).statusCode());

            HttpResponse<String> third = post(service.url(), "/otp/verify", verifyBody("054-321-5103"));

            assertTooManyRequests(third, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("client_validations", metrics(managementPort)),
                         "refused by CLIENT_VALIDATIONS");
        });
    }

    /** Runs the checks; when one fails, prints what the service printed before failing the test. */
    private static void showingTheOutputOnFailure(Executable checks) throws Throwable {
        try {
            checks.execute();
        } catch (Throwable failure) {
            System.out.println("The service's output:\n" + service.output());
            throw failure;
        }
    }
}
