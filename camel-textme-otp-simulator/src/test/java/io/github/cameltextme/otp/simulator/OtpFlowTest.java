package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TextMeSimulatorExtension.class)
class OtpFlowTest {

    private static final String PHONE = "0521234567";
    private static final String OTHER_PHONE = "0547654321";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    TextMeSimulator sim;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(sim);
    }

    private String send(String phone) {
        assertStatus(0, api.post(Requests.sendOtp("demo", phone)));
        return sim.lastCode(phone);
    }

    private String send(ObjectNode request) {
        assertStatus(0, api.post(request));
        return sim.messages().get(0).code();
    }

    private JsonNode validate(String phone, String code) {
        return api.post(Requests.validateOtp("demo", phone, code));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void sentCodeArrivesInTheInboxAndValidatesOnce() {
        JsonNode answer = api.post(Requests.sendOtp("demo", PHONE));
        assertStatus(0, answer);
        assertTrue(answer.get("shipment_id").isIntegralNumber(), answer.toString());

        assertEquals(1, sim.messages().size());
        SmsMessage message = sim.messages().get(0);
        assertEquals(PHONE, message.phone());
        assertEquals(Requests.SOURCE, message.source());
        assertEquals(1, message.appId());
        assertTrue(SIX_DIGITS.matcher(message.code()).matches(), message.code());
        assertEquals("the code is " + message.code(), message.text());

        assertStatus(0, validate(PHONE, message.code()));
        assertStatus(12, validate(PHONE, message.code()));
    }

    @Test
    void shipmentIdsAreUnique() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post(Requests.sendOtp("demo", PHONE)).get("shipment_id").longValue());
        }
        assertEquals(5, ids.size());
    }

    @Test
    void codesAreAlwaysSixDigits() {
        for (int i = 0; i < 40; i++) {
            String code = send(PHONE);
            assertTrue(SIX_DIGITS.matcher(code).matches(), code);
        }
    }

    @Test
    void codeMayBeValidatedAsJsonNumberEvenWithLeadingZero() {
        String code = send(PHONE);
        for (int i = 0; i < 1000 && code.charAt(0) != '0'; i++) {
            code = send(PHONE);
        }
        assertEquals('0', code.charAt(0), "no code with a leading zero in 1000 sends");
        ObjectNode request = Requests.validateOtp("demo", PHONE, code);
        Requests.fields(request).put("code", Integer.parseInt(code));
        assertStatus(0, api.post(request));
    }

    @Test
    void codeMayBeValidatedAsJsonNumber() {
        String code = send(PHONE);
        ObjectNode request = Requests.validateOtp("demo", PHONE, code);
        Requests.fields(request).put("code", Integer.parseInt(code));
        assertStatus(0, api.post(request));
    }

    @Test
    void phoneFormsShareOneCode() {
        String code = send("521234567");
        assertStatus(0, validate("0521234567", code));
    }

    @Test
    void wrongCodesExhaustTheDefaultThreeTries() {
        String code = send(PHONE);
        for (int i = 0; i < 3; i++) {
            assertStatus(12, validate(PHONE, wrong(code)));
        }
        assertStatus(12, validate(PHONE, code));
    }

    @Test
    void aWrongCodeCostsExactlyOneTry() {
        String code = send(PHONE);
        assertStatus(12, validate(PHONE, wrong(code)));
        assertStatus(12, validate(PHONE, wrong(code)));
        assertStatus(0, validate(PHONE, code));
    }

    @Test
    void maxTriesAllowsThatManyAttempts() {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).put("max_tries", 5);
        String code = send(request);
        for (int i = 0; i < 4; i++) {
            assertStatus(12, validate(PHONE, wrong(code)));
        }
        assertStatus(0, validate(PHONE, code));
    }

    @Test
    void codeIsWrongAsSentWithoutTrimmingOrPadding() {
        String code = send(PHONE);
        assertStatus(12, validate(PHONE, " " + code));
        assertStatus(12, validate(PHONE, code.substring(1)));
        assertStatus(0, validate(PHONE, code));
    }

    @Test
    void codeExpiresAfterValidTime() {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).put("valid_time", 1);
        String code = send(request);
        sim.clock().advance(Duration.ofSeconds(59));
        assertStatus(0, validate(PHONE, code));

        String next = send(request);
        sim.clock().advance(Duration.ofMinutes(1));
        assertStatus(12, validate(PHONE, next));
    }

    @Test
    void defaultValidTimeIsFiveMinutes() {
        String code = send(PHONE);
        sim.clock().advance(Duration.ofMinutes(5).minusSeconds(1));
        assertStatus(0, validate(PHONE, code));

        String next = send(PHONE);
        sim.clock().advance(Duration.ofMinutes(5));
        assertStatus(12, validate(PHONE, next));
    }

    @Test
    void expiredCodeStaysInvalidWhenTheClockGoesBack() {
        String code = send(PHONE);
        sim.clock().advance(Duration.ofMinutes(6));
        assertStatus(12, validate(PHONE, code));
        sim.clock().reset();
        assertStatus(12, validate(PHONE, code));
    }

    @Test
    void appIdsAreSeparate() {
        ObjectNode toApp2 = Requests.sendOtp("demo", PHONE);
        Requests.fields(toApp2).put("app_id", 2);
        String app1Code = send(PHONE);
        String app2Code = send(toApp2);
        assertEquals(2, sim.messages().get(0).appId());

        ObjectNode validateApp3 = Requests.validateOtp("demo", PHONE, app1Code);
        Requests.fields(validateApp3).put("app_id", 3);
        for (int i = 0; i < 3; i++) {
            assertStatus(12, api.post(validateApp3));
        }

        ObjectNode validateApp2 = Requests.validateOtp("demo", PHONE, app2Code);
        Requests.fields(validateApp2).put("app_id", 2);
        assertStatus(0, api.post(validateApp2));
        assertStatus(0, validate(PHONE, app1Code));
    }

    @Test
    void aNewSendReplacesTheOldCodeWithFreshTries() {
        String first = send(PHONE);
        assertStatus(12, validate(PHONE, wrong(first)));
        assertStatus(12, validate(PHONE, wrong(first)));
        String second = send(PHONE);
        assumeFalse(first.equals(second), "the random codes happened to be equal");
        assertStatus(12, validate(PHONE, first));
        assertStatus(12, validate(PHONE, wrong(second)));
        assertStatus(0, validate(PHONE, second));
    }

    @Test
    void codesAreKeptPerPhone() {
        String code = send(PHONE);
        String other = send(OTHER_PHONE);
        assumeFalse(code.equals(other), "the random codes happened to be equal");
        assertStatus(12, validate(OTHER_PHONE, code));
        assertStatus(0, validate(PHONE, code));
        assertStatus(0, validate(OTHER_PHONE, other));
    }

    @Test
    void codeNeverSentIsStatus12() {
        assertStatus(12, validate(PHONE, "123456"));
    }

    @Test
    void messagesOfDifferentSendsDiffer() {
        String first = send(PHONE);
        send(OTHER_PHONE);
        assertEquals(2, sim.messages().size());
        assertEquals(OTHER_PHONE, sim.messages().get(0).phone());
        assertEquals(first, sim.lastCode(PHONE));
        assertNotEquals(sim.messages().get(0).id(), sim.messages().get(1).id());
    }
}
