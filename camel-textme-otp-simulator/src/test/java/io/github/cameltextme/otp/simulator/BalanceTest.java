package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TextMeSimulatorExtension.class)
class BalanceTest {

    @Test
    void balanceAnswersStatus0WithSmsBalance(TextMeSimulator sim) {
        JsonNode answer = new ApiClient(sim).post(Requests.balance("demo"));
        assertStatus(0, answer);
        assertEquals(BalanceCommand.SMS_BALANCE, answer.path("balance").path("sms").intValue(), answer.toString());
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void balanceWorksOnTheDryRunEndpoint(TextMeSimulator sim) {
        assertStatus(0, new ApiClient(sim).postTest(Requests.balance("demo")));
    }

    @Test
    void balanceChecksCredentials(TextMeSimulator sim) {
        ApiClient api = new ApiClient(sim);
        assertStatus(3, api.post(sim.apiUrl(), Requests.balance("demo"), "wrong-token"));
        assertStatus(11, api.post(sim.apiUrl(), Requests.balance("someone"), sim.token()));
        assertStatus(2, api.post(sim.apiUrl(), "{\"balance\":{}}", sim.token()));
    }
}
