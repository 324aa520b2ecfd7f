package io.github.cameltextme.examples.otpservice;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service in-process on a free port, on its embedded simulator, driven over HTTP.
 */
class OtpServiceTest {

    private static final String PHONE = "054-321-0000";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OtpService service;
    private static TextMeSimulator simulator;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @BeforeAll
    static void startService() throws Exception {
        service = OtpService.start(new OtpServiceSettings("", freePort(), false));
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

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path))
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static String verify(String code) throws Exception {
        HttpResponse<String> response = post("/otp/verify", "{\"phone\": \"" + PHONE + "\", \"code\": \"" + code + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void sendsAnOtpAndVerifiesTheCodeFromTheInbox() throws Exception {
        HttpResponse<String> sent = post("/otp/send", "{\"phone\": \"" + PHONE + "\"}");

        assertEquals(200, sent.statusCode());
        assertEquals("application/json", sent.headers().firstValue("Content-Type").orElse(""));
        assertTrue(sent.body().matches("\\{\"sent\":true,\"phone\":\"0543210000\",\"shipmentId\":\"\\d+\"}"), sent.body());
        String code = simulator.lastCode("0543210000");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals("{\"valid\":false}", verify(wrong));
        assertEquals("{\"valid\":true}", verify(code));
        assertEquals("{\"valid\":false}", verify(code), "one-time");
    }

    @Test
    void badInputIs400WithTheReasonAndNothingIsSent() throws Exception {
        HttpResponse<String> landline = post("/otp/send", "{\"phone\": \"03-123-4567\"}");
        HttpResponse<String> shortCode = post("/otp/verify", "{\"phone\": \"" + PHONE + "\", \"code\": \"123\"}");
        HttpResponse<String> notJson = post("/otp/send", "phone=0541234567");
        HttpResponse<String> notAnObject = post("/otp/send", "[\"" + PHONE + "\"]");
        HttpResponse<String> noPhone = post("/otp/send", "{}");

        assertEquals(400, landline.statusCode());
        assertTrue(landline.body().startsWith("{\"error\":\"Invalid phone: must be an Israeli mobile number"), landline.body());
        assertEquals(400, shortCode.statusCode());
        assertEquals("{\"error\":\"Invalid code: must be exactly 6 digits\"}", shortCode.body());
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().startsWith("{\"error\":"), notJson.body());
        assertEquals(400, notAnObject.statusCode(), notAnObject.body());
        assertEquals(400, noPhone.statusCode(), noPhone.body());
        assertTrue(noPhone.body().startsWith("{\"error\":\"Invalid phone: is required"), noPhone.body());
        assertTrue(simulator.requests().isEmpty(), "nothing reached TextMe");
    }

    @Test
    void callersChooseOnlyThePhoneNotTheSenderOrText() throws Exception {
        HttpResponse<String> sent = post("/otp/send", "{\"phone\": \"" + PHONE + "\", \"source\": \"Bank\","
                                                     + " \"text\": \"Your bank code is [code]\", \"validTime\": 15}");

        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("DemoAPI", simulator.messages().get(0).source());
        assertEquals("the code is " + simulator.messages().get(0).code(), simulator.messages().get(0).text());
    }

    @Test
    void theWalkthroughReportsAStepThatDidNotBehave() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TextMeSimulator strict = TextMeSimulator.builder().allowedSources("SomeoneElse").start();
        try (OtpService refusing = OtpService.start(new OtpServiceSettings("", freePort(), false), strict)) {
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
        TextMeSimulator strict = TextMeSimulator.builder().allowedSources("SomeoneElse").start();
        try (OtpService refusing = OtpService.start(new OtpServiceSettings("", freePort(), false), strict)) {
            HttpResponse<String> refused = HTTP.send(
                    HttpRequest.newBuilder(URI.create(refusing.url() + "/otp/send"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + PHONE + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(502, refused.statusCode());
            assertEquals("{\"error\":\"TextMe refused the request (status 515)\"}", refused.body());
            assertEquals(1, strict.requests().size());
        }
    }

    @Test
    void textMeUnreachableIs503WithoutAStackTrace() throws Exception {
        simulator.failNext(1, 500);

        HttpResponse<String> response = post("/otp/send", "{\"phone\": \"" + PHONE + "\"}");

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
        assertTrue(output.contains("Every step behaved."), output);
    }
}
