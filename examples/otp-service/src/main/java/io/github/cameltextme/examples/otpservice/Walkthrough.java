package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.cameltextme.otp.simulator.SmsMessage;
import io.github.cameltextme.otp.simulator.TextMeSimulator;

/**
 * The start-up demonstration on the simulator: send an OTP to a demo phone through the service, read the SMS from
 * the simulator's inbox, validate a wrong code (not valid), then the right one (valid), printing each step.
 */
final class Walkthrough {

    static final String DEMO_PHONE = "+972 52-555-0100";
    private static final String DEMO_PHONE_CANONICAL = "0525550100";

    private final OtpService service;
    private final TextMeSimulator simulator;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean allBehaved = true;

    Walkthrough(OtpService service, TextMeSimulator simulator, PrintStream out) {
        this.service = service;
        this.simulator = simulator;
        this.out = out;
    }

    /** Runs the four steps; whether each answered as expected. */
    boolean run() throws IOException, InterruptedException {
        out.println();
        out.println("Walk-through on the simulator:");
        String sent = post("/otp/send", "{\"phone\": \"" + DEMO_PHONE + "\"}");
        check("1. POST /otp/send {\"phone\": \"" + DEMO_PHONE + "\"} -> " + sent, sent.contains("\"sent\":true"));

        SmsMessage sms = simulator.messages().isEmpty() ? null : simulator.messages().get(0);
        boolean delivered = sms != null && sms.phone().equals(DEMO_PHONE_CANONICAL);
        check("2. SMS in the simulator's inbox for " + DEMO_PHONE_CANONICAL + ": \"" + (sms != null ? sms.text() : "none")
              + "\"", delivered);
        if (!delivered) {
            return false;
        }
        String code = sms.code();
        String wrongCode = code.equals("000000") ? "111111" : "000000";

        String wrong = post("/otp/verify", verifyBody(wrongCode));
        check("3. POST /otp/verify with the wrong code " + wrongCode + " -> " + wrong, wrong.contains("\"valid\":false"));

        String right = post("/otp/verify", verifyBody(code));
        check("4. POST /otp/verify with the code from the SMS, " + code + " -> " + right, right.contains("\"valid\":true"));
        out.println(allBehaved ? "Every step behaved." : "Some step did not behave: see above.");
        return allBehaved;
    }

    private static String verifyBody(String code) {
        return "{\"phone\": \"" + DEMO_PHONE + "\", \"code\": \"" + code + "\"}";
    }

    private void check(String step, boolean behaved) {
        out.println("   " + step + (behaved ? "   ok" : "   UNEXPECTED"));
        allBehaved &= behaved;
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
