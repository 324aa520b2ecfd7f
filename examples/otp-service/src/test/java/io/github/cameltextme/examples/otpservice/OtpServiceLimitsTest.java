package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.LocalRedisServer;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.assertTooManyRequests;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.freePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.metrics;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.postFrom;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.sendBody;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.verify;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.verifyBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits as callers meet them: the client limits on sends and on validates count the caller's address, and with
 * {@code TEXTME_LIMITS_REDIS_URL} two instances of the service count in one real redis-server.
 */
class OtpServiceLimitsTest {

    @Test
    void theClientLimitCountsTheCallersAddressWhateverHeadersTheCallerSends() throws Exception {
        OtpServiceSettings settings = onFreePort("");
        int managementPort = freePort();
        try (TextMeSimulator simulator = TextMeSimulator.start();
             OtpService service = OtpService.start(settings, textMeAt(simulator,
                                                   "camel.component.textme-otp.client-send-limit", "1",
                                                   "camel.management.enabled", "true",
                                                   "camel.management.port", String.valueOf(managementPort)))) {
            assertEquals(200, send(service, "054-321-1001").statusCode());

            HttpResponse<String> second = post(service, "/otp/send", "{\"phone\": \"054-321-1002\"}",
                                               "CamelTextMeOtpClientKey", "someone-else",
                                               "X-Forwarded-For", "203.0.113.9");

            assertTooManyRequests(second, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("client_sends", metrics(managementPort)), "refused by CLIENT_SENDS");
            assertTrue(!second.body().contains("127.0.0.1") && !second.body().contains("0543211002"), second.body());
            assertEquals(1, simulator.messages().size(), "the refused send reached no SMS");

            assertEquals("HTTP/1.1 200 OK", postFrom("127.0.0.2", settings.port(), "/otp/send", sendBody("054-321-1003")),
                         "another address has a count of its own");
            assertEquals(2, simulator.messages().size());
        }
    }

    @Test
    void theValidateLimitCountsTheCallersAddressWhateverHeadersTheCallerSends() throws Exception {
        OtpServiceSettings settings = onFreePort("");
        int managementPort = freePort();
        try (TextMeSimulator simulator = TextMeSimulator.start();
             OtpService service = OtpService.start(settings, textMeAt(simulator,
                                                   "camel.component.textme-otp.client-validation-limit", "2",
                                                   "camel.management.enabled", "true",
                                                   "camel.management.port", String.valueOf(managementPort)))) {
            assertEquals("{\"valid\":false}", verify(service, "054-321-4001").body());
            assertEquals("{\"valid\":false}", post(service, "/otp/verify", verifyBody("054-321-4002"),
                                                    "CamelTextMeOtpClientKey", "someone-else",
                                                    "X-Forwarded-For", "203.0.113.9").body());

            HttpResponse<String> third = post(service, "/otp/verify", verifyBody("054-321-4003"),
                                              "CamelTextMeOtpClientKey", "yet-another",
                                              "X-Forwarded-For", "203.0.113.10", "Forwarded", "for=203.0.113.11");

            assertTooManyRequests(third, 3600);
            assertEquals(1, OtpHttpContract.refusedBy("client_validations", metrics(managementPort)),
                         "refused by CLIENT_VALIDATIONS");
            assertTrue(!third.body().contains("127.0.0.1") && !third.body().contains("0543214003"), third.body());
            assertEquals(2, simulator.requests().size(), "the refused validate reached no TextMe");

            assertEquals("HTTP/1.1 200 OK", postFrom("127.0.0.2", settings.port(), "/otp/verify",
                                                     verifyBody("054-321-4004")),
                         "another address has a count of its own");
        }
    }

    @Test
    void twoInstancesSharingOneRedisHoldAPhoneToOneResendInterval() throws Exception {
        int secondManagementPort = freePort();
        try (TextMeSimulator firstSimulator = TextMeSimulator.start();
             TextMeSimulator secondSimulator = TextMeSimulator.start();
             LocalRedisServer redis = LocalRedisServer.start();
             OtpService first = OtpService.start(onFreePort(redis.uri()), textMeAt(firstSimulator));
             OtpService second = OtpService.start(onFreePort(redis.uri()), textMeAt(secondSimulator,
                                                  "camel.management.enabled", "true",
                                                  "camel.management.port", String.valueOf(secondManagementPort)))) {
            assertEquals("Redis at 127.0.0.1:" + redis.port(), first.limitsLocation());

            assertEquals(200, send(first, "054-321-2001").statusCode());
            HttpResponse<String> again = send(second, "054-321-2001");

            assertTooManyRequests(again, 30);
            assertEquals(1, OtpHttpContract.refusedBy("resend_interval", metrics(secondManagementPort)),
                         "refused by RESEND_INTERVAL");
            assertEquals(1, firstSimulator.messages().size());
            assertTrue(secondSimulator.messages().isEmpty(), "the second instance sent nothing");
        }
    }

    @Test
    void aStoppedRedisIs503AndSendsNothing() throws Exception {
        // a short connectTimeout, how long a send waits for the limit store, so that a stopped Redis fails fast
        try (TextMeSimulator simulator = TextMeSimulator.start();
             LocalRedisServer redis = LocalRedisServer.start();
             OtpService service = OtpService.start(onFreePort(redis.uri()), textMeAt(simulator,
                                                   "camel.component.textme-otp.connect-timeout", "1000"))) {
            assertEquals(200, send(service, "054-321-3001").statusCode());
            redis.stop();

            HttpResponse<String> refused = send(service, "054-321-3002");

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("{\"error\":\"" + OtpHttpContract.LIMITS_UNAVAILABLE + "\"}", refused.body());
            assertEquals(1, simulator.messages().size(), "nothing sent once Redis stopped");
        }
    }
}
