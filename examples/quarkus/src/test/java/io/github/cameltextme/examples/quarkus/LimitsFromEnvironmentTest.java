package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.Map;

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
 * {@code TEXTME_ACCOUNT_SEND_LIMIT} and {@code TEXTME_CLIENT_VALIDATION_LIMIT}, the names application.properties reads
 * (given here as configuration, which Quarkus resolves as it resolves the environment's variables), set the account
 * budget and the validates per caller's address; the validates count the caller's address, whatever headers the
 * caller sends.
 */
@QuarkusTest
@TestProfile(LimitsFromEnvironmentTest.TwoOfEach.class)
class LimitsFromEnvironmentTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    @Test
    void theAccountSendLimitVariableSetsTheAccountBudget() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        TextMeSimulator simulator = textMe.simulator().orElseThrow();
        int sentBefore = simulator.messages().size();
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550401\"}").statusCode());
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550402\"}").statusCode());

        HttpResponse<String> third = http.post("otp/send", "{\"phone\": \"0525550403\"}");

        OtpHttp.assertTooManyRequests(third, 3600);
        assertEquals(1, http.refusedBy("account_sends"), "refused by ACCOUNT_SENDS");
        assertEquals(sentBefore + 2, simulator.messages().size(), "the refused send reached no SMS");
    }

    @Test
    void theValidateLimitCountsTheCallersAddressWhateverHeadersTheCallerSends() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        assertEquals("{\"valid\":false}", http.post("otp/verify", verifyBody("0525550501")).body());
        assertEquals("{\"valid\":false}", http.post("otp/verify", verifyBody("0525550502"),
                                                    "CamelTextMeOtpClientKey", "someone-else",
                                                    "X-Forwarded-For", "203.0.113.9").body());

        HttpResponse<String> third = http.post("otp/verify", verifyBody("0525550503"),
                                               "CamelTextMeOtpClientKey", "yet-another",
                                               "X-Forwarded-For", "203.0.113.10", "Forwarded", "for=203.0.113.11");

        OtpHttp.assertTooManyRequests(third, 3600);
        assertEquals(1, http.refusedBy("client_validations"), "refused by CLIENT_VALIDATIONS");
        assertTrue(!third.body().contains("127.0.0.1") && !third.body().contains("0525550503"), third.body());
        assertEquals("HTTP/1.1 200 OK", http.postFrom("127.0.0.2", "otp/verify", verifyBody("0525550504")),
                     "another address has a count of its own");
    }

    /** A validate with a code no one was sent, which TextMe finds not valid. */
    private static String verifyBody(String phone) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"000000\"}";
    }

    /** Two sends of the account and two validates per address, each per hour. */
    public static class TwoOfEach implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("TEXTME_ACCOUNT_SEND_LIMIT", "2", "TEXTME_CLIENT_VALIDATION_LIMIT", "2");
        }
    }
}
