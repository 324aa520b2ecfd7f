package io.github.cameltextme.examples.otpservice;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the OTP service, once its HTTP port proved free (else it says so, naming {@code OTP_SERVICE_PORT}, and exits
 * with status 1 before anything runs): on the embedded TextMe simulator when no TextMe setting is given, walks through the flow
 * once on the simulator, then serves until Ctrl-C. When some TextMe settings are given but not all the API needs, it
 * says which are missing and exits with status 2. With {@code OTP_DEMO_ONCE=1} it exits after the walk-through:
 * status 0 when every step behaved, 1 otherwise. The send limits count in the Redis of {@code TEXTME_LIMITS_REDIS_URL}
 * when it is set, else in memory.
 */
public final class OtpServiceApplication {

    /** The address application.properties binds when {@code OTP_SERVICE_HOST} is not set. */
    private static final String DEFAULT_HOST = "127.0.0.1";

    private OtpServiceApplication() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        OtpServiceSettings settings = OtpServiceSettings.fromEnvironment(System.getenv());
        OtpService service;
        try {
            PortCheck.requireFree(System.getenv().getOrDefault("OTP_SERVICE_HOST", DEFAULT_HOST), settings.port());
        } catch (PortCheck.PortTakenException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        try {
            service = OtpService.start(settings, OtpServiceSettings.textMeProperties(System.getenv()));
        } catch (TextMeTarget.IncompleteTextMeSettingsException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "otp-service-shutdown"));

        out.println("OTP service: POST " + service.url() + "/otp/send and " + service.url() + "/otp/verify");
        out.println("Send limits count in " + service.limitsLocation()
                    + (settings.usesRedisLimits() ? ", shared by every instance using it" : " (no TEXTME_LIMITS_REDIS_URL set)"));
        boolean behaved = true;
        if (service.simulator().isPresent()) {
            out.println("TextMe simulator (no TextMe setting given): SMS inbox at " + service.simulator().get().inboxUrl());
            behaved = new Walkthrough(service, service.simulator().get(), out).run();
        } else {
            out.println("TextMe API: " + (Boolean.parseBoolean(System.getenv("TEXTME_TEST_MODE")) ? "dry run (test mode)" : "live"));
        }
        if (settings.demoOnce()) {
            System.exit(behaved ? 0 : 1);
        }
        out.println();
        out.println("Serving; stop with Ctrl-C.");
        stopped.await();
    }
}
