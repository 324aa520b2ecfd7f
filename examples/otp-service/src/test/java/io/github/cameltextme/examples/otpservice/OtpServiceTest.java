package io.github.cameltextme.examples.otpservice;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service in-process on a free port, on its embedded simulator, driven over HTTP. The service keeps its limits
 * (30 s between two sends to one phone) for the whole class, so each test that sends has a phone of its own.
 */
class OtpServiceTest {

    private static OtpService service;
    private static TextMeSimulator simulator;

    @BeforeAll
    static void startService() throws Exception {
        service = OtpService.start(onFreePort(""), Map.of());
        simulator = service.simulator().orElseThrow();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @BeforeEach
    void emptySimulator() {
        simulator.reset();
    }

    private static String verify(String phone, String code) throws Exception {
        HttpResponse<String> response = post(service, "/otp/verify", "{\"phone\": \"" + phone + "\", \"code\": \"" + code + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void sendsAnOtpAndVerifiesTheCodeFromTheInbox() throws Exception {
        HttpResponse<String> sent = send(service, "054-321-0000");

        assertEquals(200, sent.statusCode());
        assertEquals("application/json", sent.headers().firstValue("Content-Type").orElse(""));
        assertTrue(sent.body().matches("\\{\"sent\":true,\"phone\":\"0543210000\",\"shipmentId\":\"\\d+\"}"), sent.body());
        String code = simulator.lastCode("0543210000");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals("{\"valid\":false}", verify("054-321-0000", wrong));
        assertEquals("{\"valid\":true}", verify("054-321-0000", code));
        assertEquals("{\"valid\":false}", verify("054-321-0000", code), "one-time");
    }

    @Test
    void aSecondSendToOnePhoneWithinTheResendIntervalIs429WithRetryAfterAndSendsNothing() throws Exception {
        assertEquals(200, send(service, "054-321-0001").statusCode());

        HttpResponse<String> again = send(service, "+972 54-321-0001");

        assertEquals(429, again.statusCode(), again.body());
        assertEquals("application/json", again.headers().firstValue("Content-Type").orElse(""));
        String retryAfter = again.headers().firstValue("Retry-After").orElseThrow();
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 30, retryAfter);
        assertEquals("{\"error\":\"too many requests (RESEND_INTERVAL), try again in " + seconds + " s\","
                     + "\"retryAfterSeconds\":" + seconds + "}", again.body());
        assertEquals(1, simulator.messages().size(), "the refused send reached no SMS");
    }

    @Test
    void badInputIs400WithTheReasonAndNothingIsSent() throws Exception {
        HttpResponse<String> landline = send(service, "03-123-4567");
        HttpResponse<String> shortCode = post(service, "/otp/verify", "{\"phone\": \"054-321-0002\", \"code\": \"123\"}");
        HttpResponse<String> notJson = post(service, "/otp/send", "phone=0541234567");
        HttpResponse<String> notAnObject = post(service, "/otp/send", "[\"054-321-0002\"]");
        HttpResponse<String> noPhone = post(service, "/otp/send", "{}");
        HttpResponse<String> codeInAnArray = post(service, "/otp/verify", "{\"phone\": \"054-321-0002\", \"code\": [\"123456\"]}");

        assertEquals(400, landline.statusCode());
        assertTrue(landline.body().startsWith("{\"error\":\"Invalid phone: must be an Israeli mobile number"), landline.body());
        assertEquals(400, shortCode.statusCode());
        assertEquals("{\"error\":\"Invalid code: must be exactly 6 digits\"}", shortCode.body());
        assertEquals(400, notJson.statusCode());
        assertEquals("{\"error\":\"the request body is not valid JSON\"}", notJson.body());
        assertEquals(400, notAnObject.statusCode(), notAnObject.body());
        assertEquals("{\"error\":\"the request body must be a JSON object\"}", notAnObject.body());
        assertEquals(400, noPhone.statusCode(), noPhone.body());
        assertTrue(noPhone.body().startsWith("{\"error\":\"Invalid phone: is required"), noPhone.body());
        assertEquals(400, codeInAnArray.statusCode(), codeInAnArray.body());
        assertEquals("{\"error\":\"Invalid code: must be a JSON string\"}", codeInAnArray.body());
        assertTrue(simulator.requests().isEmpty(), "nothing reached TextMe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "\"0541234567\"", "541234567", "true", "[]", "[{\"phone\": \"0541234567\"}]"})
    void aBodyThatIsEmptyOrNotAJsonObjectIs400SaidPlainly(String body) throws Exception {
        assertBothEndpointsRefuse(body, "the request body must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone=0541234567", "{\"phone\": ", "{\"phone\": \"0541234567\"} x", "{'phone': 1}"})
    void aBodyThatIsNotJsonIs400SaidPlainly(String body) throws Exception {
        assertBothEndpointsRefuse(body, "the request body is not valid JSON");
    }

    private static void assertBothEndpointsRefuse(String body, String reason) throws Exception {
        for (String path : new String[] {"/otp/send", "/otp/verify"}) {
            HttpResponse<String> answer = post(service, path, body);

            assertEquals(400, answer.statusCode(), path + " " + body + ": " + answer.body());
            assertEquals("{\"error\":\"" + reason + "\"}", answer.body(), path + " " + body);
        }
        assertTrue(simulator.requests().isEmpty(), "nothing reached TextMe");
    }

    @Test
    void aBodyOverTheBoundIs413() throws Exception {
        String padding = "x".repeat(20_000);
        HttpResponse<String> answer = post(service, "/otp/send", "{\"phone\": \"0541234567\", \"pad\": \"" + padding + "\"}");

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(simulator.requests().isEmpty(), "nothing reached TextMe");
    }

    @Test
    void aNestedObjectSmugglingSettingsIs400AndSendsNothing() throws Exception {
        HttpResponse<String> smuggled = post(service, "/otp/send",
                "{\"phone\": {\"phone\": \"0521234567\", \"text\": \"Pay here [code]\", \"source\": \"Bank\"}}");

        assertEquals(400, smuggled.statusCode(), smuggled.body());
        assertEquals("{\"error\":\"Invalid phone: must be a JSON string\"}", smuggled.body());
        assertTrue(simulator.requests().isEmpty(), "nothing reached TextMe");
        assertTrue(simulator.messages().isEmpty(), "no SMS");
    }

    @Test
    void callersChooseOnlyThePhoneNotTheSenderOrText() throws Exception {
        HttpResponse<String> sent = post(service, "/otp/send", "{\"phone\": \"054-321-0003\", \"source\": \"Bank\","
                                                              + " \"text\": \"Your bank code is [code]\", \"validTime\": 15}");

        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("DemoAPI", simulator.messages().get(0).source());
        assertEquals("the code is " + simulator.messages().get(0).code(), simulator.messages().get(0).text());
    }

    @Test
    void theWalkthroughReportsAStepThatDidNotBehave() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TextMeSimulator strict = TextMeSimulator.builder().allowedSources("SomeoneElse").start();
             OtpService refusing = OtpService.start(onFreePort(""), textMeAt(strict))) {
            boolean behaved = new Walkthrough(refusing, strict, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

            String output = printed.toString(StandardCharsets.UTF_8);
            assertFalse(behaved, output);
            assertTrue(output.contains("1. POST /otp/send") && output.contains("502") && output.contains("UNEXPECTED"),
                       output);
        }
    }

    @Test
    void textMeRefusingIs502() throws Exception {
        // a simulator that has not verified the service's sender refuses every send (status 515)
        try (TextMeSimulator strict = TextMeSimulator.builder().allowedSources("SomeoneElse").start();
             OtpService refusing = OtpService.start(onFreePort(""), textMeAt(strict))) {
            HttpResponse<String> refused = send(refusing, "054-321-0004");

            assertEquals(502, refused.statusCode());
            assertEquals("{\"error\":\"TextMe refused the request (status 515)\"}", refused.body());
            assertEquals(1, strict.requests().size());
        }
    }

    @Test
    void textMeUnreachableIs503WithoutAStackTrace() throws Exception {
        simulator.failNext(1, 500);

        HttpResponse<String> response = send(service, "054-321-0005");

        assertEquals(503, response.statusCode());
        assertEquals("{\"error\":\"TextMe cannot be reached, try again later\"}", response.body());
    }

    @Test
    void theWalkthroughBehaves() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        boolean behaved = new Walkthrough(service, simulator, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(behaved, output);
        assertTrue(output.contains("1. POST /otp/send"), output);
        assertTrue(output.contains("4. POST /otp/verify with the code from the SMS"), output);
        assertTrue(output.matches("(?s).*5\\. POST /otp/send .* again at once -> 429 .*, Retry-After: \\d+   ok.*"), output);
        assertTrue(output.contains("Every step behaved."), output);
    }
}
