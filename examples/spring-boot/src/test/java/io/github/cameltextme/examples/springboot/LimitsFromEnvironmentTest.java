package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code TEXTME_ACCOUNT_SEND_LIMIT} and {@code TEXTME_CLIENT_VALIDATION_LIMIT}, the names application.yaml reads (given
 * here as properties, which Spring resolves as it resolves the environment's variables), set the account budget and
 * the validates per caller's address; the validates count the caller's address, whatever headers the caller sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class LimitsFromEnvironmentTest {

    static TextMeSimulator sim;

    /** The simulator, a budget of two sends and two validates per address. */
    @DynamicPropertySource
    static void twoOfEach(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
        registry.add("TEXTME_ACCOUNT_SEND_LIMIT", () -> 2);
        registry.add("TEXTME_CLIENT_VALIDATION_LIMIT", () -> 2);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theAccountSendLimitVariableSetsTheAccountBudget() throws Exception {
        OtpApi api = new OtpApi(port);
        assertEquals(200, api.send("052-123-4701").status());
        assertEquals(200, api.send("052-123-4702").status());

        OtpApi.Answer third = api.send("052-123-4703");

        third.assertTooManyRequests(3600);
        assertEquals(1, OtpApi.refusedBy(meters, "account_sends"), "refused by ACCOUNT_SENDS");
        assertEquals(2, sim.messages().size(), "the refused send reached no SMS");
    }

    @Test
    void theValidateLimitCountsTheCallersAddressWhateverHeadersTheCallerSends() throws Exception {
        OtpApi api = new OtpApi(port);
        assertEquals(200, api.verify("052-123-4801", "000000").status());
        assertEquals(200, api.post("/otp/verify", verifyBody("052-123-4802"),
                                   "CamelTextMeOtpClientKey", "someone-else",
                                   "X-Forwarded-For", "203.0.113.9").status());

        OtpApi.Answer third = api.post("/otp/verify", verifyBody("052-123-4803"),
                                       "CamelTextMeOtpClientKey", "yet-another",
                                       "X-Forwarded-For", "203.0.113.10", "Forwarded", "for=203.0.113.11");

        third.assertTooManyRequests(3600);
        assertEquals(1, OtpApi.refusedBy(meters, "client_validations"), "refused by CLIENT_VALIDATIONS");
        assertFalse(third.body().toString().contains("127.0.0.1"), third.body().toString());
        assertEquals(2, OtpCalls.of(sim).size(),
                     "the refused validate reached no TextMe");
        assertEquals("HTTP/1.1 200 ", api.postFrom("127.0.0.2", "/otp/verify", verifyBody("052-123-4804")).substring(0, 13),
                     "another address has a count of its own");
    }

    /** A validate with a code no one was sent, which TextMe finds not valid. */
    private static String verifyBody(String phone) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"000000\"}";
    }
}
