package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code /api/test}: the same checks and answers as {@code /api}, but nothing stored, sent or spent. */
class DryRunEndpointTest extends SimulatorApiTest {

    @Test
    void sendStoresAndDeliversNothing() {
        JsonNode answer = api.postTest(Requests.sendOtp("demo", PHONE));
        assertStatus(0, answer);
        assertTrue(answer.get("shipment_id").isIntegralNumber(), answer.toString());

        assertTrue(sim.messages().isEmpty());
        assertEquals("[]", api.get(sim.inboxUrl() + "messages").body());
        assertThrows(NoSuchElementException.class, () -> sim.lastCode(PHONE));
        JsonNode validation = api.post(Requests.validateOtp("demo", PHONE, "123456"));
        assertStatus(12, validation);
        assertEquals(OtpCheck.NOT_SENT.message(), validation.get("message").textValue());
    }

    @Test
    void validatingTheRightCodeDoesNotUseItUp() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String code = sim.lastCode(PHONE);
        assertStatus(0, api.postTest(Requests.validateOtp("demo", PHONE, code)));
        assertStatus(0, api.postTest(Requests.validateOtp("demo", PHONE, code)));
        assertStatus(0, api.post(Requests.validateOtp("demo", PHONE, code)));
        assertStatus(12, api.postTest(Requests.validateOtp("demo", PHONE, code)));
    }

    @Test
    void wrongCodesSpendNoTry() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String code = sim.lastCode(PHONE);
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 5; i++) {
            assertStatus(12, api.postTest(Requests.validateOtp("demo", PHONE, wrong)));
        }
        assertStatus(0, api.post(Requests.validateOtp("demo", PHONE, code)));
    }

    @Test
    void expiredCodeIsStatus12() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String code = sim.lastCode(PHONE);
        sim.clock().advance(Duration.ofMinutes(5));
        assertStatus(12, api.postTest(Requests.validateOtp("demo", PHONE, code)));
    }

    @Test
    void sameChecksAsTheLiveEndpoint() {
        assertStatus(9, api.postTest(Requests.sendOtp("demo", "0421234567")));
        assertStatus(3, api.post(sim.testApiUrl(), Requests.sendOtp("demo", PHONE), "wrong-token"));
        assertStatus(997, api.postTest("{\"sms\":{}}"));
        assertStatus(1, api.postTest("{"));
        assertStatus(0, api.postTest(Requests.balance("demo")));
        assertTrue(sim.messages().isEmpty());
    }
}
