package io.github.cameltextme.examples.springboot;

import java.util.regex.Pattern;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone verification flow through HTTP, against the simulator of the JUnit extension. The extension sets the
 * static field before Spring creates the context, so the dynamic properties can point the component at it; the
 * context is closed after the class, as the simulator is. The context keeps its send limits (30 s between two sends to
 * one phone) for the whole class, in memory whatever TEXTME_LIMITS_REDIS_URL says, so each test that sends has a phone
 * of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({ TextMeSimulatorExtension.class, OutputCaptureExtension.class })
@DirtiesContext
class OtpFlowTest {

    private static final String PHONE = "052-123-4567";
    private static final String CANONICAL_PHONE = "0521234567";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    private OtpApi api;

    @BeforeEach
    void client() {
        api = new OtpApi(port);
    }

    @Test
    void sendsACodeThatVerifiesOnce(CapturedOutput output) throws Exception {
        OtpApi.Answer sent = api.send(PHONE);
        assertEquals(200, sent.status(), sent.body().toString());
        assertTrue(sent.body().path("sent").asBoolean(), sent.body().toString());
        assertEquals(CANONICAL_PHONE, sent.body().path("phone").asText());
        assertFalse(sent.body().path("shipmentId").asText().isEmpty(), "the simulator gives a shipment id");

        String code = sim.lastCode(CANONICAL_PHONE);
        String wrongCode = code.equals("000000") ? "111111" : "000000";

        assertValid(false, api.verify(PHONE, wrongCode));
        OtpApi.Answer verified = api.verify(PHONE, code);
        assertValid(true, verified);
        assertValid(false, api.verify(PHONE, code));

        assertTrue(verified.headers().map().keySet().stream().noneMatch(name -> name.regionMatches(true, 0, "Camel", 0, 5)),
                   "Camel headers in the response: " + verified.headers().map().keySet());
        assertFalse(Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(output.getAll()).find(), "the code is logged");
        assertFalse(output.getAll().contains(sim.token()), "the token is logged");
    }

    @Test
    void aBadPhoneIs400AndSendsNothing() throws Exception {
        OtpApi.Answer answer = api.send("12345");

        answer.assertOnlyError(400);
        assertTrue(answer.body().path("error").asText().startsWith("Invalid phone: "), answer.body().toString());
        assertTrue(OtpCalls.of(sim).isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void aCodeThatIsNotSixDigitsIs400AndSendsNothing() throws Exception {
        OtpApi.Answer answer = api.verify(PHONE, "12ab");

        answer.assertOnlyError(400);
        assertEquals("Invalid code: must be exactly 6 digits", answer.body().path("error").asText());
        assertTrue(OtpCalls.of(sim).isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void aBodyThatIsNotJsonIs400SaidPlainly() throws Exception {
        OtpApi.Answer answer = api.post("/otp/send", "phone=0521234567");

        answer.assertOnlyError(400);
        assertEquals("the request body is not valid JSON", answer.body().path("error").asText());
        assertTrue(OtpCalls.of(sim).isEmpty(), "nothing may reach TextMe");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"phone\": ", "not json", "[\"0521234567\"]", "{}", "",
                             "{\"phone\": \"0521234567\", \"text\": \"Send your password to [code]\"}" })
    void aBodyThatIsNotASendRequestIs400AndSendsNothing(String body) throws Exception {
        api.post("/otp/send", body).assertOnlyError(400);

        assertTrue(OtpCalls.of(sim).isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void noUsableAnswerFromTextMeIs503() throws Exception {
        sim.failNext(1, 503);

        api.send("052-123-4501").assertOnlyError(503);

        assertEquals(1, OtpCalls.of(sim).size());
    }

    @Test
    void aSecondSendToOnePhoneWithinTheResendIntervalIs429WithRetryAfterAndSendsNothing() throws Exception {
        assertEquals(200, api.send("052-123-4502").status());

        OtpApi.Answer again = api.send("+972 52-123-4502");

        again.assertTooManyRequests(30);
        assertEquals(1, OtpApi.refusedBy(meters, "resend_interval"), "refused by RESEND_INTERVAL");
        assertEquals("application/json", again.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, sim.messages().size(), "the refused send reached no SMS");
    }

    @Test
    void aNestedObjectSmugglingSettingsIs400AndSendsNothing() throws Exception {
        OtpApi.Answer answer = api.post("/otp/send",
                "{\"phone\": {\"phone\": \"0521234567\", \"text\": \"Pay here [code]\", \"source\": \"Bank\"}}");

        answer.assertOnlyError(400);
        assertTrue(OtpCalls.of(sim).isEmpty(), "nothing may reach TextMe");
        assertTrue(sim.messages().isEmpty(), "no SMS");
    }

    private static void assertValid(boolean valid, OtpApi.Answer answer) {
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("{\"valid\":" + valid + "}", answer.body().toString());
    }
}
