package io.github.cameltextme.otp;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Load against the TextMe simulator on loopback: 5,000 send + 5,000 validate exchanges from 64 concurrent callers,
 * each exchange checked for its own result, with the heap after GC and the thread count checked around the run.
 * <p>
 * The test manages its own {@link DefaultCamelContext} (not CamelTestSupport), so that it can stop the context itself
 * and then check that every thread started since the baseline is gone.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class TextMeOtpLoadTest {

    private static final int CALLERS = 64;
    private static final int WARM_UP_PAIRS = 512;
    /** The measured run: PAIRS sends + PAIRS validates = 10,000 exchanges. */
    private static final int PAIRS = 5_000;
    /**
     * Pairs per batch. Between batches no exchange is in flight, so the simulator's inbox, request log and code store
     * are reset there (it keeps them forever otherwise); resetting while callers run would race with them.
     */
    private static final int BATCH_PAIRS = 1_000;
    /** Every WRONG_EVERY-th pair validates a wrong code and must get valid=false. */
    private static final int WRONG_EVERY = 7;
    private static final long MAX_HEAP_GROWTH_BYTES = 32L * 1024 * 1024;
    private static final long THREAD_DEADLINE_SECONDS = 15;

    /** Injected by the extension, started before the test: its threads are part of the thread baseline. */
    static TextMeSimulator sim;

    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final Set<String> shipmentIds = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tenThousandExchangesFrom64CallersEachGetTheirOwnResultWithoutLeaks() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        // The simulator's fixed pool creates its 8 workers lazily, one per request until full: fill it with plain
        // socket requests (no client library, so no client threads) so that its threads are all in the baseline.
        fillSimulatorWorkerPool();
        Set<Thread> baselineThreads = liveThreads();
        int baselineThreadCount = threads.getThreadCount();
        threads.resetPeakThreadCount();

        DefaultCamelContext context = new DefaultCamelContext();
        TextMeOtpConfiguration textMe = context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
        textMe.setBaseUrl(sim.apiUrl());
        textMe.setUsername(sim.username());
        textMe.setApiToken(sim.token());
        textMe.setSource("DemoAPI");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("textme-otp:send");
                from("direct:validate").to("textme-otp:validate");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS, callerThreads());

        try {
            // warm-up: not counted, pair indexes 0..511
            runBatches(template, callers, 0, WARM_UP_PAIRS);
            assertNoFailures();
            long heapBefore = usedHeapAfterGc(memory);

            shipmentIds.clear();
            long start = System.nanoTime();
            int exchanges = runBatches(template, callers, WARM_UP_PAIRS, PAIRS);
            long elapsedNanos = System.nanoTime() - start;

            long heapAfter = usedHeapAfterGc(memory);
            double seconds = elapsedNanos / 1e9;
            System.out.printf("TextMeOtpLoadTest: %d exchanges (%d send + %d validate) from %d callers in %.2f s,"
                              + " %.0f exchanges/s%n", exchanges, PAIRS, PAIRS, CALLERS, seconds, exchanges / seconds);
            System.out.printf("TextMeOtpLoadTest: used heap after GC: %.1f MB after warm-up, %.1f MB after the run,"
                              + " growth %+.1f MB%n", mb(heapBefore), mb(heapAfter), mb(heapAfter - heapBefore));

            assertNoFailures();
            assertEquals(2 * PAIRS, exchanges, "exchanges completed with their correct result");
            assertEquals(PAIRS, shipmentIds.size(), "distinct shipment ids: each send got its own answer");
            assertTrue(heapAfter - heapBefore < MAX_HEAP_GROWTH_BYTES,
                       "used heap after GC grew by " + mb(heapAfter - heapBefore) + " MB, more than "
                                                                        + mb(MAX_HEAP_GROWTH_BYTES) + " MB");
        } finally {
            template.stop();
            context.stop();
            callers.shutdown();
            assertTrue(callers.awaitTermination(THREAD_DEADLINE_SECONDS, TimeUnit.SECONDS), "callers terminated");
        }

        // Poll (bounded by a deadline) until every thread started since the baseline is gone.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THREAD_DEADLINE_SECONDS);
        List<Thread> extra = extraThreads(baselineThreads);
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            extra = extraThreads(baselineThreads);
        }
        long newAttachListeners = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !baselineThreads.contains(thread) && isJvmAttachListener(thread))
                .count();
        int endThreadCount = threads.getThreadCount() - (int) newAttachListeners;
        System.out.printf("TextMeOtpLoadTest: threads: %d at baseline (before the Camel context), peak %d during the"
                          + " run, %d after context.stop() and executor shutdown%s%n",
                          baselineThreadCount, threads.getPeakThreadCount(), endThreadCount,
                          newAttachListeners > 0 ? " (not counting the JVM's Attach Listener)" : "");
        if (!extra.isEmpty()) {
            fail(extra.size() + " threads started during the test are still alive after "
                 + THREAD_DEADLINE_SECONDS + " s: "
                 + extra.stream().map(t -> t.getName() + " (" + t.getState() + ")").collect(Collectors.joining(", ")));
        }
        assertTrue(endThreadCount <= baselineThreadCount,
                   "thread count " + endThreadCount + " is above the baseline " + baselineThreadCount);
    }

    /**
     * Runs pairs [first, first + pairs) in batches; in each batch caller c takes the pairs whose index is c modulo 64,
     * one send then one validate at a time, so 64 exchanges are in flight and no two of them share a phone.
     *
     * @return the exchanges that ended with their correct result
     */
    private int runBatches(ProducerTemplate template, ExecutorService callers, int first, int pairs) throws Exception {
        int completed = 0;
        for (int batchStart = first; batchStart < first + pairs; batchStart += BATCH_PAIRS) {
            int batchEnd = Math.min(batchStart + BATCH_PAIRS, first + pairs);
            List<Callable<Integer>> tasks = new ArrayList<>(CALLERS);
            for (int caller = 0; caller < CALLERS; caller++) {
                int firstPair = batchStart + caller;
                tasks.add(() -> {
                    int ok = 0;
                    for (int pair = firstPair; pair < batchEnd; pair += CALLERS) {
                        ok += sendAndValidate(template, pair);
                    }
                    return ok;
                });
            }
            for (Future<Integer> done : callers.invokeAll(tasks)) {
                completed += done.get(); // a task never throws: each exchange's failure is recorded instead
            }
            // every caller of the batch is done: the simulator saw exactly one request per exchange, no retries
            int batchPairs = batchEnd - batchStart;
            assertEquals(2 * batchPairs, sim.requests().size(), "API requests of the batch from " + batchStart);
            assertEquals(batchPairs, sim.messages().size(), "SMS of the batch from " + batchStart);
            sim.reset();
        }
        return completed;
    }

    /** One send and one validate for pair {@code index}: returns how many of the two ended correctly. */
    private int sendAndValidate(ProducerTemplate template, int index) {
        String phone = String.format("052%07d", index);
        // half the pairs give the phone in a header, half in a Map body in international form
        boolean inHeader = index % 2 == 0;
        String international = "+972 52-" + phone.substring(3, 6) + "-" + phone.substring(6);
        boolean right = index % WRONG_EVERY != 0;
        int ok = 0;
        try {
            Exchange sent = template.request("direct:send", exchange -> {
                if (inHeader) {
                    exchange.getMessage().setHeader(TextMeOtpConstants.PHONE, phone);
                } else {
                    exchange.getMessage().setBody(Map.of("phone", international));
                }
            });
            TextMeOtpResult sendResult = result(sent, index, "send");
            check(sendResult.getOperation() == TextMeOtpOperation.send, index, "send operation", sendResult);
            check(sendResult.getStatus() == 0, index, "send status 0", sendResult);
            check(phone.equals(sendResult.getPhone()), index, "send phone " + phone, sendResult);
            check(sendResult.getValid() == null, index, "send has no valid flag", sendResult);
            check(sendResult.getShipmentId() != null && shipmentIds.add(sendResult.getShipmentId()), index,
                  "a new shipment id", sendResult);
            check(sendResult.getShipmentId().equals(sent.getMessage().getHeader(TextMeOtpConstants.SHIPMENT_ID)),
                  index, "shipment id header", sendResult);
            ok++;

            String code = sim.lastCode(phone);
            String typed = right ? code : wrong(code);
            Exchange validated = template.request("direct:validate", exchange -> {
                if (inHeader) {
                    exchange.getMessage().setHeader(TextMeOtpConstants.PHONE, phone);
                    exchange.getMessage().setHeader(TextMeOtpConstants.CODE, typed);
                } else {
                    exchange.getMessage().setBody(Map.of("phone", international, "code", typed));
                }
            });
            TextMeOtpResult validateResult = result(validated, index, "validate");
            check(validateResult.getOperation() == TextMeOtpOperation.validate, index, "validate operation",
                  validateResult);
            check(phone.equals(validateResult.getPhone()), index, "validate phone " + phone, validateResult);
            check(Boolean.valueOf(right).equals(validateResult.getValid()), index, "valid=" + right, validateResult);
            check(validateResult.getStatus() == (right ? 0 : TextMeOtpStatus.INVALID_CODE), index,
                  "validate status", validateResult);
            check(Boolean.valueOf(right).equals(validated.getMessage().getHeader(TextMeOtpConstants.VALID)), index,
                  "valid header=" + right, validateResult);
            check(validated.getMessage().getHeader(TextMeOtpConstants.CODE) == null, index, "code header removed",
                  validateResult);
            ok++;
        } catch (Throwable e) {
            recordFailure("pair " + index + " (phone " + phone + "): " + e);
        }
        return ok;
    }

    private static TextMeOtpResult result(Exchange exchange, int index, String operation) {
        if (exchange.getException() != null) {
            throw new AssertionError(operation + " failed: " + exchange.getException(), exchange.getException());
        }
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof TextMeOtpResult result)) {
            throw new AssertionError(operation + " body is not a TextMeOtpResult: " + body);
        }
        return result;
    }

    private static void check(boolean condition, int index, String what, TextMeOtpResult result) {
        if (!condition) {
            throw new AssertionError("expected " + what + ", got " + result + " (phone " + result.getPhone() + ")");
        }
    }

    /** The same code with its last digit changed. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private void recordFailure(String failure) {
        if (failureCount.incrementAndGet() <= 20) {
            failures.add(failure);
        }
    }

    private void assertNoFailures() {
        if (failureCount.get() > 0) {
            fail(failureCount.get() + " exchanges did not end with their correct result; the first:\n"
                 + String.join("\n", failures));
        }
    }

    /** The smallest used heap of several rounds of System.gc() and a reading. */
    private static long usedHeapAfterGc(MemoryMXBean memory) {
        long min = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            System.gc();
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static ThreadFactory callerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, "load-caller-" + count.incrementAndGet());
    }

    private static Set<Thread> liveThreads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * The live threads not in the baseline. The one exception is the JVM's own "Attach Listener" (system thread group),
     * which appears when a tool such as jstack or jcmd attaches to the JVM, e.g. to diagnose this very test.
     */
    private static List<Thread> extraThreads(Set<Thread> baseline) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !baseline.contains(thread) && !isJvmAttachListener(thread))
                .collect(Collectors.toList());
    }

    private static boolean isJvmAttachListener(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return "Attach Listener".equals(thread.getName()) && group != null && "system".equals(group.getName());
    }

    /** Sixteen GET /messages over plain sockets, one at a time, each closing its connection. */
    private static void fillSimulatorWorkerPool() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 16; i++) {
            try (Socket socket = new Socket(loopback, sim.port())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write("GET /messages HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 200"), "simulator answered: " + answer.lines().findFirst());
            }
        }
    }
}
