package io.github.cameltextme.otp.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each benchmark, called outside JMH: the three ways of sending put the same request on the wire and read TextMe's
 * answer, the limits are on and off where the benchmark says so, every call is for a new phone, and the capacity
 * benchmark counts a call that finds no free connection as failed unsent. The benchmarks themselves run only by hand
 * (see the README's Performance section).
 */
class BenchmarksSendWhatTheyClaimTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theThreeWaysPostTheSameSendOtpRequestWithTheSameHeaders() throws Exception {
        SendBenchmark benchmark = new SendBenchmark();
        benchmark.start();
        try {
            assertEquals(0, benchmark.rawHttpClient().path("status").asInt(-1));
            TextMeLikeServer.Request raw = benchmark.server.lastRequest();
            benchmark.diyCamelHttpRoute();
            TextMeLikeServer.Request diy = benchmark.server.lastRequest();
            benchmark.sendLimitsOff();
            TextMeLikeServer.Request component = benchmark.server.lastRequest();

            assertEquals(withoutPhone(component), withoutPhone(raw), "the raw client posts what the component posts");
            assertEquals(withoutPhone(component), withoutPhone(diy), "the hand-written route posts what the component posts");
            assertEquals("Bearer " + SendBenchmark.TOKEN, component.authorization());
            for (TextMeLikeServer.Request request : List.of(raw, diy)) {
                assertEquals(component.authorization(), request.authorization());
                assertEquals(component.contentType(), request.contentType());
            }
            assertNotEquals(phoneOf(raw), phoneOf(diy), "every call is for a new phone");
            assertNotEquals(phoneOf(diy), phoneOf(component), "every call is for a new phone");
            assertEquals(3, benchmark.server.received());
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void sendMetersPostsWhatSendLimitsOffPostsAndCountsInItsRegistryWhileSendLimitsOffCountsNowhere() throws Exception {
        SendBenchmark benchmark = new SendBenchmark();
        benchmark.start();
        try {
            benchmark.sendLimitsOff();
            TextMeLikeServer.Request unmetered = benchmark.server.lastRequest();
            benchmark.sendMeters();
            TextMeLikeServer.Request metered = benchmark.server.lastRequest();

            assertEquals(withoutPhone(unmetered), withoutPhone(metered));
            MeterRegistry registry = benchmark.meteredContext.getRegistry()
                    .lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            assertEquals(1, registry.get("textme.otp.exchanges").tag("outcome", "sent").counter().count());
            assertNull(benchmark.template.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class),
                       "sendLimitsOff's context has no registry: no meters");
            assertEquals(2, benchmark.server.received());
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void theLimitsAreOnWhereTheBenchmarkSaysSoAndItsCallsAreNeverRefused() throws Exception {
        SendBenchmark benchmark = new SendBenchmark();
        benchmark.start();
        try {
            benchmark.sendLimitsOn();
            benchmark.sendLimitsOn();
            benchmark.validate();
            assertTrue(benchmark.server.lastRequest().bodyText().startsWith("{\"validate_otp\""));
            assertEquals(3, benchmark.server.received(), "each call reached the server, none was refused");

            benchmark.template.requestBody(benchmark.sendLimitsOff, "0521234567");
            benchmark.template.requestBody(benchmark.sendLimitsOff, "0521234567");
            benchmark.template.requestBody(benchmark.sendLimitsOn, "0527654321");
            CamelExecutionException resend = assertThrows(CamelExecutionException.class,
                    () -> benchmark.template.requestBody(benchmark.sendLimitsOn, "0527654321"));
            assertInstanceOf(TextMeOtpRateLimitException.class, resend.getCause());
            assertEquals(6, benchmark.server.received());
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void aCallThatFindsNoFreeConnectionWithinConnectTimeoutIsCountedAsFailedUnsent() throws Exception {
        int callers = 16;
        CapacityBenchmark benchmark = new CapacityBenchmark();
        benchmark.maxConnections = 1;
        benchmark.connectTimeoutMillis = 20;
        benchmark.start();
        Control measuring = new Control();
        measuring.startMeasurement = true;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<CapacityBenchmark.Outcomes>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(threads.submit(() -> {
                    CapacityBenchmark.Outcomes outcome = new CapacityBenchmark.Outcomes();
                    together.await(10, TimeUnit.SECONDS);
                    benchmark.send(outcome, measuring);
                    return outcome;
                }));
            }
            long answered = 0;
            long failedUnsent = 0;
            for (Future<CapacityBenchmark.Outcomes> outcome : outcomes) {
                answered += outcome.get(30, TimeUnit.SECONDS).answered;
                failedUnsent += outcome.get().failedUnsent;
            }
            assertEquals(callers, answered + failedUnsent);
            assertTrue(answered >= 1, "the connection carried a call");
            assertTrue(failedUnsent >= 1, "one connection cannot carry 16 calls of 100 ms within 20 ms");
            assertEquals(answered, benchmark.server.received(), "the calls counted failed never reached the server");

            measuring.stopMeasurement = true;
            CapacityBenchmark.Outcomes afterMeasuring = new CapacityBenchmark.Outcomes();
            benchmark.send(afterMeasuring, measuring);
            assertEquals(0, afterMeasuring.answered + afterMeasuring.failedUnsent,
                         "a call that ends after JMH stopped measuring is not counted");
        } finally {
            threads.shutdownNow();
            benchmark.stop();
        }
    }

    private static JsonNode withoutPhone(TextMeLikeServer.Request request) throws Exception {
        JsonNode json = MAPPER.readTree(request.body());
        ((ObjectNode) json.path("send_otp")).remove("phone");
        return json;
    }

    private static String phoneOf(TextMeLikeServer.Request request) throws Exception {
        return MAPPER.readTree(request.body()).path("send_otp").path("phone").asText();
    }
}
