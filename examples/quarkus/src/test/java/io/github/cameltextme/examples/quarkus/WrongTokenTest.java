package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every TextMe setting given, the token wrong: the example talks to "TextMe" (a simulator), which refuses it. */
@QuarkusTest
@TestProfile(WrongTokenTest.WrongToken.class)
class WrongTokenTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    @SimulatorWithWrongToken.Simulator
    TextMeSimulator simulator;

    @Test
    void noSimulatorIsEmbeddedOnceTextMeIsConfigured() {
        assertTrue(textMe.simulator().isEmpty());
    }

    @Test
    void readinessIsDownWithTheTextMeCheckAndNoTokenNorSms() throws Exception {
        // until the first balance call has answered, the check says "TextMe has not been checked yet"
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> health = new OtpHttp(baseUrl).get("q/health/ready");
        while (!health.body().contains("TextMe refused") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            health = new OtpHttp(baseUrl).get("q/health/ready");
        }

        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"producer:textme-otp-"), health.body());
        assertTrue(health.body().contains("TextMe refused the credentials with status 3"), health.body());
        assertFalse(health.body().contains(SimulatorWithWrongToken.WRONG_TOKEN), health.body());
        assertEquals(List.of(), simulator.messages());
    }

    @Test
    void aSendTextMeRefusesIs502() throws Exception {
        HttpResponse<String> sent = new OtpHttp(baseUrl).post("otp/send", "{\"phone\": \"0525550201\"}");

        assertEquals(502, sent.statusCode());
        assertTrue(sent.body().matches("\\{\"error\":\"TextMe refused the request \\(status \\d+\\)\"}"), sent.body());
        assertEquals(List.of(), simulator.messages());
    }

    /** The profile that starts {@link SimulatorWithWrongToken}. */
    public static class WrongToken implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SimulatorWithWrongToken.class));
        }
    }
}
