package io.github.cameltextme.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits application.yaml sets on top of the component's, with no setting of the test's: an account budget of 100
 * sends and 30 validates per caller's address, each per hour, as the README says. The sends and the validates count
 * in buckets of their own, so the two tests share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class DefaultLimitsTest {

    private static final int ACCOUNT_SEND_LIMIT = 100;
    private static final int CLIENT_VALIDATION_LIMIT = 30;

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theAccountBudgetIs100SendsAnHour() throws Exception {
        OtpApi api = new OtpApi(port);
        for (int i = 0; i < ACCOUNT_SEND_LIMIT; i++) {
            assertEquals(200, api.send(phone(i)).status(), "send " + (i + 1));
        }

        api.send(phone(ACCOUNT_SEND_LIMIT)).assertTooManyRequests(3600);
        assertEquals(1, OtpApi.refusedBy(meters, "account_sends"), "refused by ACCOUNT_SENDS");

        assertEquals(ACCOUNT_SEND_LIMIT, sim.messages().size(), "the refused send reached no SMS");
        assertTrue(readme().contains("| `TEXTME_ACCOUNT_SEND_LIMIT` | `camel.component.textme-otp.account-send-limit` | `"
                                     + ACCOUNT_SEND_LIMIT + "`"), "the README gives the default account budget");
    }

    @Test
    void oneAddressHas30ValidatesAnHour() throws Exception {
        OtpApi api = new OtpApi(port);
        for (int i = 0; i < CLIENT_VALIDATION_LIMIT; i++) {
            assertEquals(200, api.verify(phone(i), "000000").status(), "validate " + (i + 1));
        }

        api.verify(phone(CLIENT_VALIDATION_LIMIT), "000000").assertTooManyRequests(3600);
        assertEquals(1, OtpApi.refusedBy(meters, "client_validations"), "refused by CLIENT_VALIDATIONS");

        assertTrue(readme().contains("| `TEXTME_CLIENT_VALIDATION_LIMIT` | `camel.component.textme-otp.client-validation-limit` | `"
                                     + CLIENT_VALIDATION_LIMIT + "`"),
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
