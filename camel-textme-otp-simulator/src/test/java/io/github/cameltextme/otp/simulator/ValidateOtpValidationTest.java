package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(TextMeSimulatorExtension.class)
class ValidateOtpValidationTest {

    private static final String PHONE = "0521234567";

    @ParameterizedTest
    @ValueSource(strings = {"phone", "code"})
    void missingRequiredFieldIsStatus2NamingIt(String field, TextMeSimulator sim) {
        ObjectNode request = Requests.validateOtp("demo", PHONE, "123456");
        Requests.fields(request).remove(field);
        JsonNode answer = new ApiClient(sim).post(request);
        assertStatus(2, answer);
        assertTrue(answer.get("message").textValue().contains("validate_otp." + field), answer.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0421234567", "05212345", "+972521234567"})
    void badPhoneIsStatus9(String phone, TextMeSimulator sim) {
        assertStatus(9, new ApiClient(sim).post(Requests.validateOtp("demo", phone, "123456")));
    }

    @Test
    void codeThatIsNeitherStringNorWholeNumberIsStatus998(TextMeSimulator sim) {
        ObjectNode request = Requests.validateOtp("demo", PHONE, "123456");
        Requests.fields(request).putObject("code");
        assertStatus(998, new ApiClient(sim).post(request));
        Requests.fields(request).put("code", 123456.5);
        assertStatus(998, new ApiClient(sim).post(request));
    }

    @Test
    void appIdBelowOneIsStatus998(TextMeSimulator sim) {
        ObjectNode request = Requests.validateOtp("demo", PHONE, "123456");
        Requests.fields(request).put("app_id", 0);
        assertStatus(998, new ApiClient(sim).post(request));
    }
}
