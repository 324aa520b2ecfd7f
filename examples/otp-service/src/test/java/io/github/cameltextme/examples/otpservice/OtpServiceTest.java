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

import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service in-process on a free port, on its embedded simulator, driven over HTTP: the flow and the walk-through.
 * The answers to every kind of request are {@link OtpServiceContractTest}'s. The service keeps its limits (30 s between
 * two sends to one phone) for the whole class, so each test that sends has a phone of its own.
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
