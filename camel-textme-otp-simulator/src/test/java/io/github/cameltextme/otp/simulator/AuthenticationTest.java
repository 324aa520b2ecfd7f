package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static final String PHONE = "0521234567";

    private static TextMeSimulator sim;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        sim = TextMeSimulator.builder().account("demo", "demo-token").account("other", "other-token").start();
        api = new ApiClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void missingAuthorizationHeaderIsStatus3() {
        assertStatus(3, api.post(sim.apiUrl(), Requests.sendOtp("demo", PHONE), null));
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void unknownTokenIsStatus3() {
        assertStatus(3, api.post(sim.apiUrl(), Requests.sendOtp("demo", PHONE), "wrong-token"));
        assertTrue(sim.messages().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-token", "Basic demo-token", "Bearer", "Bearer demo-token extra", "Token demo-token"})
    void authorizationHeaderMustBeBearerToken(String header) {
        HttpResponse<String> response = ApiClient.send(api.postRequest(sim.apiUrl(), ApiClient.body(Requests.balance("demo")), null)
                .header("Authorization", header).build());
        assertStatus(3, ApiClient.parse(response.body()));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpResponse<String> response = ApiClient.send(api.postRequest(sim.apiUrl(), ApiClient.body(Requests.balance("demo")), null)
                .header("Authorization", "bearer demo-token").build());
        assertStatus(0, ApiClient.parse(response.body()));
    }

    @Test
    void tokenOfAnotherAccountIsStatus11() {
        assertStatus(11, api.post(sim.apiUrl(), Requests.sendOtp("demo", PHONE), "other-token"));
        assertStatus(11, api.post(sim.apiUrl(), Requests.sendOtp("other", PHONE), "demo-token"));
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void unknownUsernameWithValidTokenIsStatus11() {
        assertStatus(11, api.post(sim.apiUrl(), Requests.sendOtp("nobody", PHONE), "demo-token"));
    }

    @Test
    void missingUsernameIsStatus2NamingTheField() {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).remove("user");
        JsonNode answer = api.post(request);
        assertStatus(2, answer);
        assertTrue(answer.get("message").textValue().contains("user.username"), answer.toString());

        ObjectNode emptyUser = Requests.sendOtp("demo", PHONE);
        Requests.fields(emptyUser).putObject("user");
        assertStatus(2, api.post(emptyUser));

        ObjectNode blankUsername = Requests.sendOtp("", PHONE);
        assertStatus(2, api.post(blankUsername));
    }

    @Test
    void usernameThatIsNotAStringIsStatus993() {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).putObject("user").put("username", 42);
        assertStatus(993, api.post(request));
    }

    @Test
    void secondAccountAuthenticatesWithItsOwnToken() {
        assertStatus(0, api.post(sim.apiUrl(), Requests.sendOtp("other", PHONE), "other-token"));
        assertEquals(1, sim.messages().size());
    }

    @Test
    void validateAndBalanceNeedAuthenticationToo() {
        assertStatus(3, api.post(sim.apiUrl(), Requests.validateOtp("demo", PHONE, "123456"), null));
        assertStatus(3, api.post(sim.apiUrl(), Requests.balance("demo"), "wrong-token"));
        assertStatus(11, api.post(sim.apiUrl(), Requests.validateOtp("demo", PHONE, "123456"), "other-token"));
    }

    @Test
    void codesBelongToTheAccountThatSentThem() {
        assertStatus(0, api.post(sim.apiUrl(), Requests.sendOtp("demo", PHONE), "demo-token"));
        String code = sim.lastCode(PHONE);
        assertStatus(12, api.post(sim.apiUrl(), Requests.validateOtp("other", PHONE, code), "other-token"));
        assertStatus(0, api.post(sim.apiUrl(), Requests.validateOtp("demo", PHONE, code), "demo-token"));
    }
}
