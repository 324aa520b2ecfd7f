package io.github.cameltextme.examples.otpservice;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the OTP service: on the embedded TextMe simulator unless {@code TEXTME_API_TOKEN} is set, walks through the
 * flow once on the simulator, then serves until Ctrl-C. With {@code OTP_DEMO_ONCE=1} it exits after the walk-through:
 * status 0 when every step behaved, 1 otherwise. The send limits count in the Redis of {@code TEXTME_LIMITS_REDIS_URL}
 * when it is set, else in memory.
 */
public final class OtpServiceApplication {

    private OtpServiceApplication() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        OtpServiceSettings settings = OtpServiceSettings.fromEnvironment(System.getenv());
        OtpService service = OtpService.start(settings);
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
            out.println("TextMe simulator (no TEXTME_API_TOKEN set): SMS inbox at " + service.simulator().get().inboxUrl());
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
