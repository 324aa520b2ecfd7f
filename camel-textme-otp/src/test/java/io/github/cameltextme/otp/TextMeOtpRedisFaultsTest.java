package io.github.cameltextme.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.limit.EndpointLimiter;
import io.github.cameltextme.otp.simulator.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on a real redis-server that stalls ({@code DEBUG SLEEP}), is killed and restarted, or stays away: an
 * exchange that failed closed leaves no place behind, even when Lettuce delivers its commands late; a store known to be
 * down refuses at once; validates for phones never sent a code add no key; {@code fallbackToMemory} counts in memory.
 */
class TextMeOtpRedisFaultsTest extends TextMeOtpTestSupport {

    private static final long CONNECT_TIMEOUT = 1_000;
    /** Validates for phones never sent a code, straight through an endpoint's limits: about 10 s on 2 cores. */
    private static final int FLOOD = 96_000;
    private static final String SENT = "{\"status\":0,\"message\":\"sent\"}";
    private static final String WRONG_CODE = "{\"status\":12,\"message\":\"unverified code\"}";
    private static final String OTHER_PHONE = "0527654321";

    private LocalRedisServer redis;
    private RedisClient storeClient;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> admin;
    private CamelContext camel;
    private ProducerTemplate producer;

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @BeforeEach
    void startRedis() throws Exception {
        redis = LocalRedisServer.start();
        adminClient = RedisClient.create(redis.uri());
        admin = adminClient.connect();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (storeClient != null) {
            storeClient.shutdown();
        }
        if (adminClient != null) {
            adminClient.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void validatesForPhonesNeverSentACodeAddNoKeyToRedis() throws Exception {
        startCamel(false);
        textMeAnswers(SENT);
        producer.requestBody("textme-otp:send", PHONE);
        long keysAfterOneSend = admin.sync().dbsize();

        textMeAnswers(WRONG_CODE);
        for (int i = 0; i < 200; i++) {
            producer.requestBodyAndHeaders("textme-otp:validate", CODE,
                                           Map.of(TextMeOtpConstants.PHONE, String.format("054%07d", i)));
        }
        assertEquals(keysAfterOneSend, admin.sync().dbsize(), "keys in Redis");

        EndpointLimiter limiter = new EndpointLimiter(component().getConfiguration(),
                                                      component().limitStoresForEndpoints());
        ConcurrentCalls.run(16, caller -> () -> {
            for (int i = 0; i < FLOOD / 16; i++) {
                limiter.reserveValidation(String.format("05%02d%06d", caller, i), 1, null);
            }
            return null;
        });
        assertEquals(keysAfterOneSend, admin.sync().dbsize(), "keys in Redis after the flood");
    }

    @Test
    void aSendThatTimedOutOnAStalledRedisLeavesNoPlaceWhenRedisAppliesItLate() throws Exception {
        startCamel(false);
        textMeAnswers(SENT);
        producer.requestBody("textme-otp:send", OTHER_PHONE);
        long keysBefore = admin.sync().dbsize();

        RedisFuture<String> stall = stallRedisFor(3);
        TextMeOtpLimitStoreException refused = storeFailure("textme-otp:send", PHONE, Map.of());
        assertTrue(refused.getMessage().contains("unreachable"), refused.getMessage());
        assertEquals("OK", stall.get(10, TimeUnit.SECONDS));

        await().atMost(Duration.ofSeconds(10)).until(() -> component().getLimitPlacesGivenBackLate() == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(keysBefore, admin.sync().dbsize(), "keys in Redis"));
        assertInstanceOf(TextMeOtpResult.class, onceTheStoreAnswers("textme-otp:send", PHONE, Map.of()));
        assertEquals(2, sendsTextMeReceived());
    }

    @Test
    void wrongCodesDuringAStallAreNotCountedOnceRedisIsBack() throws Exception {
        startCamel(false);
        textMeAnswers(SENT);
        producer.requestBody("textme-otp:send", PHONE);

        RedisFuture<String> stall = stallRedisFor(2);
        textMeAnswers(WRONG_CODE);
        for (int i = 0; i < 40; i++) {
            storeFailure("textme-otp:validate?failedValidationLimit=1", CODE, Map.of(TextMeOtpConstants.PHONE, PHONE));
        }
        assertEquals("OK", stall.get(10, TimeUnit.SECONDS));

        Object afterTheStall = onceTheStoreAnswers("textme-otp:validate?failedValidationLimit=1", CODE,
                                                   Map.of(TextMeOtpConstants.PHONE, PHONE));
        assertEquals(Boolean.FALSE, assertInstanceOf(TextMeOtpResult.class, afterTheStall).getValid(),
                     "the first wrong code after the stall is not refused");
        assertEquals(1, textMe.findAll(postRequestedFor(urlPathEqualTo("/api"))
                .withRequestBody(containing("validate_otp"))).size(), "validates TextMe received");
    }

    @Test
    void aSendDuringAKillLeavesNoPlaceWhenLettuceReplaysItAfterTheRestart() throws Exception {
        startCamel(false);
        textMeAnswers(SENT);
        redis.kill();
        storeFailure("textme-otp:send", PHONE, Map.of(TextMeOtpConstants.CLIENT_KEY, "203.0.113.7"));

        redis.restart();
        await().atMost(Duration.ofSeconds(20)).until(() -> component().getLimitPlacesGivenBackLate() == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(List.of(), admin.sync().keys("textme-otp:*"), "keys in Redis"));

        assertInstanceOf(TextMeOtpResult.class,
                         onceTheStoreAnswers("textme-otp:send?clientSendLimit=1&accountSendLimit=1", PHONE,
                                             Map.of(TextMeOtpConstants.CLIENT_KEY, "203.0.113.7")));
        assertEquals(1, sendsTextMeReceived());
    }

    @Test
    void twoHundredConcurrentSendsDuringAnOutageAnswerWithinConnectTimeoutAndLaterOnesAtOnce() throws Exception {
        startCamel(false);
        textMeAnswers(SENT);
        producer.requestBody("textme-otp:send", OTHER_PHONE);
        redis.kill();

        List<Object> outcomes = ConcurrentCalls.run(200, i -> () -> timedOutcome(String.format("055%07d", i)));
        for (Object outcome : outcomes) {
            TimedOutcome timed = (TimedOutcome) outcome;
            assertInstanceOf(TextMeOtpLimitStoreException.class, timed.outcome());
            assertTrue(timed.millis() < CONNECT_TIMEOUT + 1_000, "a send answered after " + timed.millis() + " ms");
        }

        List<Object> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.add(timedOutcome(String.format("056%07d", i)));
        }
        assertTrue(later.stream().allMatch(t -> ((TimedOutcome) t).outcome() instanceof TextMeOtpLimitStoreException));
        assertTrue(later.stream().filter(t -> ((TimedOutcome) t).millis() >= 100).count() <= 1,
                   "sends once the store is known down answer at once, but for the one probing it: " + later);
        assertTrue(component().isLimitStoreDown());
        assertEquals(1, sendsTextMeReceived(), "the send before the outage");
    }

    @Test
    void withFallbackToMemoryAnOutageIsCountedInThisJvmWarnedOnceAndCountedInJmx() throws Exception {
        startCamel(true);
        textMeAnswers(SENT);
        redis.kill();

        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            producer.requestBody("textme-otp:send", PHONE);
            TextMeOtpRateLimitException again = assertInstanceOf(
                    TextMeOtpRateLimitException.class, outcome(PHONE), "a second send counted in memory");
            assertEquals(TextMeOtpLimit.RESEND_INTERVAL, again.getLimit());
            producer.requestBody("textme-otp:send", OTHER_PHONE);

            assertEquals(1, logs.lines().stream()
                    .filter(line -> line.startsWith("WARN") && line.contains("limit store is unreachable")).count(),
                         logs.lines()::toString);
        }
        assertEquals(2, sendsTextMeReceived());
        assertEquals(2, camel.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class).getLimitFallbackCount());
        assertEquals(4, component().getInMemoryLimitKeys(),
                     "the counts and the codes sent of the two phones, in memory");
    }

    @Test
    void withFallbackToMemoryWrongCodesCountForEveryPhoneDuringAnOutage() throws Exception {
        startCamel(true);
        textMeAnswers(SENT);
        producer.requestBody("textme-otp:send", PHONE);
        redis.kill();

        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?failedValidationLimit=2";
        for (int i = 0; i < 2; i++) {
            TextMeOtpResult wrong = producer.requestBodyAndHeader(uri, CODE, TextMeOtpConstants.PHONE, PHONE,
                                                                  TextMeOtpResult.class);
            assertEquals(Boolean.FALSE, wrong.getValid());
        }
        TextMeOtpRateLimitException refused = assertInstanceOf(
                TextMeOtpRateLimitException.class,
                assertThrows(CamelExecutionException.class,
                             () -> producer.requestBodyAndHeader(uri, CODE, TextMeOtpConstants.PHONE, PHONE))
                        .getCause(),
                "the code was sent before the outage, of which memory holds no record");
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refused.getLimit());
    }

    /** A context whose limits count on the Redis, through a Lettuce client with its default reconnection. */
    private void startCamel(boolean fallbackToMemory) {
        storeClient = RedisClient.create(redis.uri());
        ProxyManager<String> store = RedisLimitStore.on(storeClient);

        camel = new DefaultCamelContext();
        TextMeOtpComponent component = componentFor(USERNAME, TOKEN, apiUrl());
        component.getConfiguration().setConnectTimeout(CONNECT_TIMEOUT);
        component.getConfiguration().setFallbackToMemory(fallbackToMemory);
        component.setLimitStore(store);
        camel.addComponent("textme-otp", component);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /**
     * Makes redis-server sleep, answering no client, for this many seconds, and returns once a PING on another
     * connection goes unanswered; the future completes when the server wakes.
     */
    private RedisFuture<String> stallRedisFor(int seconds) throws Exception {
        try (StatefulRedisConnection<String, String> pinger = adminClient.connect()) {
            RedisFuture<String> stall = admin.async().dispatch(
                    CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(seconds));
            await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(ExecutionException.class)
                    .until(() -> isUnanswered(pinger.async().ping()));
            return stall;
        }
    }

    private static boolean isUnanswered(RedisFuture<String> ping) throws Exception {
        try {
            ping.get(200, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    private TextMeOtpLimitStoreException storeFailure(String uri, Object body, Map<String, Object> headers) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                                                  () -> producer.requestBodyAndHeaders(uri, body, headers));
        return assertInstanceOf(TextMeOtpLimitStoreException.class, e.getCause());
    }

    /**
     * The first outcome (a result or the exchange's exception) that is not a store failure: a store known to be down
     * refuses at once, taking no place, until the probe that is due every second finds it back.
     */
    private Object onceTheStoreAnswers(String uri, Object body, Map<String, Object> headers) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                outcome.set(producer.requestBodyAndHeaders(uri, body, headers, TextMeOtpResult.class));
            } catch (CamelExecutionException e) {
                outcome.set(e.getCause());
            }
            return !(outcome.get() instanceof TextMeOtpLimitStoreException);
        });
        return outcome.get();
    }

    private Object outcome(String phone) {
        try {
            return producer.requestBody("textme-otp:send", phone, TextMeOtpResult.class);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
    }

    private TimedOutcome timedOutcome(String phone) {
        long start = System.nanoTime();
        Object outcome = outcome(phone);
        return new TimedOutcome(outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** What one send ended with, and how long it took. */
    private record TimedOutcome(Object outcome, long millis) {
    }

    private TextMeOtpComponent component() {
        return camel.getComponent("textme-otp", TextMeOtpComponent.class);
    }

    private static int sendsTextMeReceived() {
        return textMe.findAll(postRequestedFor(urlPathEqualTo("/api")).withRequestBody(containing("send_otp"))).size();
    }
}
