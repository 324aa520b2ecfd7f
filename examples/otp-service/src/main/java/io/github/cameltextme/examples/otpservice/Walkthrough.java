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
 * the simulator's inbox, validate a wrong code (not valid), then the right one (valid), then ask for a second code at
 * once, which the resend interval refuses (429 with Retry-After), printing each step.
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

    /** Runs the five steps; whether each answered as expected. */
    boolean run() throws IOException, InterruptedException {
        out.println();
        out.println("Walk-through on the simulator:");
        String sendBody = "{\"phone\": \"" + DEMO_PHONE + "\"}";
        HttpResponse<String> sent = post("/otp/send", sendBody);
        check("1. POST /otp/send " + sendBody + " -> " + shown(sent), sent.body().contains("\"sent\":true"));
        if (sent.statusCode() == 429) {
            out.println("      the shared limits still hold the demo phone: another run of the walk-through, counting in"
                        + " the same Redis, texted it lately");
        }

        SmsMessage sms = simulator.messages().isEmpty() ? null : simulator.messages().get(0);
        boolean delivered = sms != null && sms.phone().equals(DEMO_PHONE_CANONICAL);
        check("2. SMS in the simulator's inbox for " + DEMO_PHONE_CANONICAL + ": \"" + (sms != null ? sms.text() : "none")
              + "\"", delivered);
        if (!delivered) {
            return false;
        }
        String code = sms.code();
        String wrongCode = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> wrong = post("/otp/verify", verifyBody(wrongCode));
        check("3. POST /otp/verify with the wrong code " + wrongCode + " -> " + shown(wrong),
              wrong.body().contains("\"valid\":false"));

        HttpResponse<String> right = post("/otp/verify", verifyBody(code));
        check("4. POST /otp/verify with the code from the SMS, " + code + " -> " + shown(right),
              right.body().contains("\"valid\":true"));

        HttpResponse<String> again = post("/otp/send", sendBody);
        check("5. POST /otp/send " + sendBody + " again at once -> " + shown(again)
              + (again.headers().firstValue("Retry-After").map(seconds -> ", Retry-After: " + seconds).orElse("")),
              again.statusCode() == 429 && again.headers().firstValue("Retry-After").isPresent()
              && simulator.messages().size() == 1);
        out.println(allBehaved ? "Every step behaved." : "Some step did not behave: see above.");
        return allBehaved;
    }

    private static String verifyBody(String code) {
        return "{\"phone\": \"" + DEMO_PHONE + "\", \"code\": \"" + code + "\"}";
    }

    private static String shown(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private void check(String step, boolean behaved) {
        out.println("   " + step + (behaved ? "   ok" : "   UNEXPECTED"));
        allBehaved &= behaved;
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
