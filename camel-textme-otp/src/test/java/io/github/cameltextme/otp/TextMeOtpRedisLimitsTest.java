package io.github.cameltextme.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.limit.EndpointLimiter;
import io.github.cameltextme.otp.simulator.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits shared through a real redis-server: two Camel contexts that share nothing but Redis (each with its own
 * Lettuce client and Bucket4j store) hold a phone to one limit together; the keys hold no phone digits and expire
 * with their window; a Redis that stops answering refuses the exchange within connectTimeout, before anything is sent.
 */
class TextMeOtpRedisLimitsTest extends TextMeOtpTestSupport {

    private static final long CONNECT_TIMEOUT = 1_000;

    private LocalRedisServer redis;
    private final List<RedisClient> clients = new ArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @BeforeEach
    void startRedis() throws Exception {
        redis = LocalRedisServer.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        contexts.forEach(CamelContext::stop);
        clients.forEach(RedisClient::shutdown);
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoContextsSharingOnlyRedisPutExactlyOneRequestOnTheWireForConcurrentSendsToOnePhone() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        ProducerTemplate first = startContext();
        ProducerTemplate second = startContext();

        List<Object> outcomes = ConcurrentCalls.run(40, i -> () -> outcome(i % 2 == 0 ? first : second, PHONE));
        assertEquals(1, outcomes.stream().filter(TextMeOtpResult.class::isInstance).count(), outcomes::toString);
        assertEquals(39, outcomes.stream().filter(o -> o == TextMeOtpLimit.RESEND_INTERVAL).count(), outcomes::toString);
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void theKeysInRedisHoldNoPhoneNorClientKeyAndExpireWithTheirWindow() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        ProducerTemplate template = startContext();
        template.requestBodyAndHeader("textme-otp:send?clientSendLimit=3", PHONE,
                                      TextMeOtpConstants.CLIENT_KEY, "203.0.113.7");

        try (RedisClient client = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("*");
            assertEquals(3, keys.size(),
                         "the phone's key (resend interval and count), the record of its code and the client's: "
                         + keys);
            for (String key : keys) {
                assertTrue(key.startsWith("textme-otp:" + USERNAME + ":"), key);
                assertFalse(key.contains(PHONE.substring(1)), key);
                assertFalse(key.contains("203.0.113.7"), key);
                long ttl = connection.sync().pttl(key);
                assertTrue(ttl > 0 && ttl <= Duration.ofHours(1).toMillis(), key + " expires in " + ttl + " ms");
            }
            for (String key : keys) {
                System.out.println("TextMeOtpRedisLimitsTest: Redis holds " + connection.sync().memoryUsage(key)
                                   + " bytes for " + key.replaceFirst(":[^:]+$", ":<HMAC>"));
            }
            String phoneKey = keys.stream().filter(k -> k.contains(":phone:5/PT10M+resend:PT30S:")).findFirst()
                    .orElseThrow();
            assertTrue(connection.sync().pttl(phoneKey) <= Duration.ofMinutes(10).toMillis(), phoneKey);
            String codeKey = keys.stream().filter(k -> k.contains(":1:code:")).findFirst().orElseThrow();
            assertTrue(connection.sync().pttl(codeKey) <= EndpointLimiter.SENT_CODE_LIFE.toMillis(), codeKey);
        }
    }

    @Test
    void aStoppedRedisRefusesTheExchangeWithinConnectTimeoutAndNothingIsSent() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        ProducerTemplate template = startContext();
        template.requestBody("textme-otp:send", "0521000001");
        redis.stop();

        long start = System.nanoTime();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                                                  () -> template.requestBody("textme-otp:send", "0521000002"));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        TextMeOtpLimitStoreException failure = assertInstanceOf(TextMeOtpLimitStoreException.class, e.getCause());
        assertTrue(failure.getMessage().contains("the limit store is unreachable"), failure.getMessage());
        assertFalse(failure.getMessage().contains("0521000002"), failure.getMessage());
        assertTrue(elapsedMillis >= CONNECT_TIMEOUT - 50 && elapsedMillis < CONNECT_TIMEOUT + 1_500,
                   "refused after " + elapsedMillis + " ms");
        assertEquals(1, requests().size(), "requests TextMe received");
        assertEquals(1, template.getCamelContext().getEndpoint("textme-otp:send", TextMeOtpEndpoint.class)
                .getLimitStoreErrorCount());
    }

    /** A context of its own: its own Lettuce client and Bucket4j store on the shared Redis, its own component. */
    private ProducerTemplate startContext() {
        RedisClient client = RedisClient.create(redis.uri());
        clients.add(client);
        ProxyManager<String> store = RedisLimitStore.on(client);

        CamelContext context = new DefaultCamelContext();
        TextMeOtpComponent component = componentFor(USERNAME, TOKEN, apiUrl());
        component.getConfiguration().setConnectTimeout(CONNECT_TIMEOUT);
        component.setLimitStore(store);
        context.addComponent("textme-otp", component);
        context.start();
        contexts.add(context);
        return context.createProducerTemplate();
    }

    private static Object outcome(ProducerTemplate template, String phone) {
        try {
            return template.requestBody("textme-otp:send", phone, TextMeOtpResult.class);
        } catch (CamelExecutionException e) {
            return assertInstanceOf(TextMeOtpRateLimitException.class, e.getCause()).getLimit();
        }
    }
}
