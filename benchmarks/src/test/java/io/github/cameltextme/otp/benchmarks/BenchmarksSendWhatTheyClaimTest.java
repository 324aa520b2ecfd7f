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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each benchmark, called once outside JMH: the three ways of sending put the same request on the wire and read TextMe's
 * answer, every call is for a new phone, and the capacity benchmark counts a call that finds no free connection as
 * failed unsent. The benchmarks themselves run only by hand (see the README's Performance section).
 */
class BenchmarksSendWhatTheyClaimTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theThreeWaysPostTheSameSendOtpRequestAndTheComponentsCallsReachTheServer() throws Exception {
        SendBenchmark benchmark = new SendBenchmark();
        benchmark.start();
        try {
            assertEquals(0, benchmark.rawHttpClient().path("status").asInt(-1));
            JsonNode raw = withoutPhone(benchmark.server.lastRequest());
            benchmark.diyCamelHttpRoute();
            JsonNode diy = withoutPhone(benchmark.server.lastRequest());
            benchmark.sendLimitsOff();
            JsonNode component = withoutPhone(benchmark.server.lastRequest());
            assertEquals(component, raw, "the raw client posts what the component posts");
            assertEquals(component, diy, "the hand-written route posts what the component posts");

            String phone = phoneOf(benchmark.server.lastRequest());
            benchmark.sendLimitsOn();
            assertNotEquals(phone, phoneOf(benchmark.server.lastRequest()), "every call is for a new phone");
            benchmark.sendLimitsOn();
            benchmark.validate();
            assertTrue(benchmark.server.lastRequest().startsWith("{\"validate_otp\""), benchmark.server.lastRequest());
            assertEquals(6, benchmark.server.received(), "each call reached the server once, none was refused");
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void aCallThatFindsNoFreeConnectionWithinConnectTimeoutIsCountedAsFailedUnsent() throws Exception {
        int callers = 8;
        CapacityBenchmark benchmark = new CapacityBenchmark();
        benchmark.maxConnections = 1;
        benchmark.connectTimeoutMillis = 50;
        benchmark.start();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<CapacityBenchmark.Outcomes>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(threads.submit(() -> {
                    CapacityBenchmark.Outcomes outcome = new CapacityBenchmark.Outcomes();
                    together.await(10, TimeUnit.SECONDS);
                    benchmark.send(outcome);
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
            assertTrue(failedUnsent >= 1, "one connection cannot carry 8 calls of 100 ms within 50 ms");
            assertEquals(answered, benchmark.server.received(), "the calls counted failed never reached the server");
        } finally {
            threads.shutdownNow();
            benchmark.stop();
        }
    }

    private static JsonNode withoutPhone(String request) throws Exception {
        JsonNode json = MAPPER.readTree(request);
        ((ObjectNode) json.path("send_otp")).remove("phone");
        return json;
    }

    private static String phoneOf(String request) throws Exception {
        return MAPPER.readTree(request).path("send_otp").path("phone").asText();
    }
}
