package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenderAllowListTest {

    private static final String PHONE = "0521234567";

    private static TextMeSimulator sim;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        sim = TextMeSimulator.builder().allowedSources("DemoAPI", "+972501234567").start();
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

    private static ObjectNode sendFrom(String source) {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).put("source", source);
        return request;
    }

    @ParameterizedTest
    @ValueSource(strings = {"DemoAPI", "+972501234567"})
    void allowListedSenderIsAccepted(String source) {
        assertStatus(0, api.post(sendFrom(source)));
        assertEquals(source, sim.messages().get(0).source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OtherApp", "demoapi", "972501234567"})
    void otherSenderIsStatus515(String source) {
        assertStatus(515, api.post(sendFrom(source)));
        assertStatus(515, api.postTest(sendFrom(source)));
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void malformedSenderIsStillStatus991() {
        assertStatus(991, api.post(sendFrom("Demo API")));
    }

    @Test
    void allowListMustHoldWellFormedSenders() {
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().allowedSources("Demo API"));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().allowedSources((String) null));
    }
}
