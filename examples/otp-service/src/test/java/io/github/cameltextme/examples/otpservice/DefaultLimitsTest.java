package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.assertTooManyRequests;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.freePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.metrics;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits the service sets on top of the component's, with no setting of the test's: an account budget of 100 sends
 * and 30 validates per caller's address, each per hour, as the README says. Each test has a service of its own, so
 * that it starts with no count.
 */
class DefaultLimitsTest {

    private static final int ACCOUNT_SEND_LIMIT = 100;
    private static final int CLIENT_VALIDATION_LIMIT = 30;

    @Test
    void theAccountBudgetIs100SendsAnHour() throws Exception {
        int managementPort = freePort();
        try (TextMeSimulator simulator = TextMeSimulator.start();
             OtpService service = OtpService.start(onFreePort(""), textMeAt(simulator,
                     "camel.management.enabled", "true", "camel.management.port", String.valueOf(managementPort)))) {
            for (int i = 0; i < ACCOUNT_SEND_LIMIT; i++) {
                assertEquals(200, send(service, phone(i)).statusCode(), "send " + (i + 1));
            }

            HttpResponse<String> overBudget = send(service, phone(ACCOUNT_SEND_LIMIT));

            assertTooManyRequests(overBudget, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("account_sends", metrics(managementPort)), "refused by ACCOUNT_SENDS");
            assertEquals(ACCOUNT_SEND_LIMIT, simulator.messages().size(), "the refused send reached no SMS");
        }
        assertTrue(readme().contains("| `TEXTME_ACCOUNT_SEND_LIMIT` | `" + ACCOUNT_SEND_LIMIT + "` |"),
                   "the README gives the default account budget");
    }

    @Test
    void oneAddressHas30ValidatesAnHour() throws Exception {
        int managementPort = freePort();
        try (TextMeSimulator simulator = TextMeSimulator.start();
             OtpService service = OtpService.start(onFreePort(""), textMeAt(simulator,
                     "camel.management.enabled", "true", "camel.management.port", String.valueOf(managementPort)))) {
            for (int i = 0; i < CLIENT_VALIDATION_LIMIT; i++) {
                assertEquals("{\"valid\":false}", verify(service, phone(i)).body(), "validate " + (i + 1));
            }

            HttpResponse<String> overLimit = verify(service, phone(CLIENT_VALIDATION_LIMIT));

            assertTooManyRequests(overLimit, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("client_validations", metrics(managementPort)),
                         "refused by CLIENT_VALIDATIONS");
            assertEquals(CLIENT_VALIDATION_LIMIT, simulator.requests().size(), "the refused validate reached no TextMe");
        }
        assertTrue(readme().contains("| `TEXTME_CLIENT_VALIDATION_LIMIT` | `" + CLIENT_VALIDATION_LIMIT + "` |"),
                   "the README gives the default limit of validates per address");
    }

    /** A mobile phone of its own for each index: 054-400-0000, 054-400-0001, ... */
    private static String phone(int index) {
        return String.format("054400%04d", index);
    }

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }
}
