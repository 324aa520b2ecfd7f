package io.github.cameltextme.examples.quarkus;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits application.properties sets on top of the component's, with no setting of the test's: an account budget
 * of 100 sends and 30 validates per caller's address, each per hour, as the README says. A profile of its own gives it
 * an application of its own, whose counts no other test class touches; the sends and the validates count in buckets of
 * their own, so the two tests share it.
 */
@QuarkusTest
@TestProfile(DefaultLimitsTest.NothingOverridden.class)
class DefaultLimitsTest {

    private static final int ACCOUNT_SEND_LIMIT = 100;
    private static final int CLIENT_VALIDATION_LIMIT = 30;

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    @Test
    void theAccountBudgetIs100SendsAnHour() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        TextMeSimulator simulator = textMe.simulator().orElseThrow();
        for (int i = 0; i < ACCOUNT_SEND_LIMIT; i++) {
            assertEquals(200, http.post("otp/send", "{\"phone\": \"" + phone(i) + "\"}").statusCode(), "send " + (i + 1));
        }

        OtpHttp.assertTooManyRequests(http.post("otp/send", "{\"phone\": \"" + phone(ACCOUNT_SEND_LIMIT) + "\"}"), 3600);
        assertEquals(1, http.refusedBy("account_sends"), "refused by ACCOUNT_SENDS");

        assertEquals(ACCOUNT_SEND_LIMIT, simulator.messages().size(), "the refused send reached no SMS");
        assertTrue(readme().contains("| `TEXTME_ACCOUNT_SEND_LIMIT` | `camel.component.textme-otp.account-send-limit` | `"
                                     + ACCOUNT_SEND_LIMIT + "`"), "the README gives the default account budget");
    }

    @Test
    void oneAddressHas30ValidatesAnHour() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        for (int i = 0; i < CLIENT_VALIDATION_LIMIT; i++) {
            assertEquals("{\"valid\":false}", http.post("otp/verify", verifyBody(phone(i))).body(), "validate " + (i + 1));
        }

        OtpHttp.assertTooManyRequests(http.post("otp/verify", verifyBody(phone(CLIENT_VALIDATION_LIMIT))), 3600);
        assertEquals(1, http.refusedBy("client_validations"), "refused by CLIENT_VALIDATIONS");

        assertTrue(readme().contains("| `TEXTME_CLIENT_VALIDATION_LIMIT` | `camel.component.textme-otp.client-validation-limit` | `"
                                     + CLIENT_VALIDATION_LIMIT + "`"),
                   "the README gives the default limit of validates per address");
    }

    /** A mobile phone of its own for each index: 054-400-0000, 054-400-0001, ... */
    private static String phone(int index) {
        return String.format("054400%04d", index);
    }

    /** A validate with a code no one was sent, which TextMe finds not valid. */
    private static String verifyBody(String phone) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"000000\"}";
    }

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    /** The application's own configuration, in an application no other test class shares. */
    public static class NothingOverridden implements QuarkusTestProfile {
    }
}
