package io.github.cameltextme.otp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The connection pool: bounded, shared by the endpoints of a component (an endpoint with its own TLS settings has its
 * own), closed when the component stops; and after 10,000 exchanges with mixed answers no connection stays leased and
 * no thread is left behind once the context stops.
 * <p>
 * Each test manages its own {@link DefaultCamelContext}, so that it can stop it and look at the pool afterwards.
 */
class TextMeOtpConnectionPoolTest {

    private static final String USERNAME = "leeroy";
    private static final String TOKEN = "tk-pool-1a2b3c4d";
    private static final String CODE = "042137";
    private static final String SENT = "{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"pool\"}";

    /** The threads of WireMock's Jetty: all started with the server (min = max), so that none appears later. */
    private static final int SERVER_THREADS = 24;
    private static final int CALLERS = 16;
    private static final int EXCHANGES = 10_000;
    private static final int MAX_CONNECTIONS = 8;
    private static final long THREAD_DEADLINE_SECONDS = 15;

    private static WireMockServer textMe;
    /** The requests TextMe received (WireMock's request journal is off: it would cost more than the rest). */
    private static final AtomicInteger received = new AtomicInteger();

    private DefaultCamelContext context;

    @BeforeAll
    static void startTextMe() throws IOException {
        textMe = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .threadPoolFactory(options -> {
                    QueuedThreadPool threads = new QueuedThreadPool(SERVER_THREADS, SERVER_THREADS);
                    threads.setName("textme-wiremock");
                    return threads;
                }));
        textMe.addMockServiceRequestListener((request, response) -> received.incrementAndGet());
        textMe.start();
        // one request over a plain socket (no client library, so no client threads), so that the threads Jetty starts
        // on its first connection (its scheduler) are there before any thread baseline is taken
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), textMe.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().readAllBytes();
        }
    }

    @AfterAll
    static void stopTextMe() {
        if (textMe != null) {
            textMe.stop();
        }
    }

    @BeforeEach
    void resetTextMe() {
        textMe.resetAll();
        received.set(0);
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    private TextMeOtpComponent newContext(String baseUrl, int maxConnections) {
        context = new DefaultCamelContext();
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, baseUrl);
        component.setMaxConnections(maxConnections);
        context.addComponent("textme-otp", component);
        return component;
    }

    private static String apiUrl() {
        return textMe.baseUrl() + "/api";
    }

    private static HttpClientConnectionManager poolOf(TextMeOtpEndpoint endpoint) {
        HttpClientConnectionManager pool = endpoint.getHttpEndpoint().getClientConnectionManager();
        assertNotNull(pool, "the pool of " + endpoint);
        return pool;
    }

    private static PoolStats statsOf(HttpClientConnectionManager pool) {
        return assertInstanceOf(ConnPoolControl.class, pool).getTotalStats();
    }

    /** A closed pool refuses to lease. */
    private static void assertClosed(HttpClientConnectionManager pool) {
        PoolStats stats = statsOf(pool);
        assertEquals(0, stats.getLeased(), "leased connections of the closed pool");
        assertEquals(0, stats.getAvailable(), "idle connections of the closed pool");
        HttpRoute route = new HttpRoute(new HttpHost("http", "127.0.0.1", textMe.port()));
        assertThrows(IllegalStateException.class,
                () -> pool.lease("probe", route, Timeout.ofSeconds(1), null).get(Timeout.ofSeconds(1)),
                "the pool still leases connections: it was not closed");
    }

    @Test
    void endpointsThatStayedStartedSendOnTheNewPoolAfterTheComponentRestarts() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(SENT)));
        TextMeOtpComponent component = newContext(apiUrl(), MAX_CONNECTIONS);
        context.getRegistry().bind("ownTls", new SSLContextParameters());
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<String> uris = List.of("textme-otp:send", "textme-otp:send?sslContextParameters=#ownTls");
        uris.forEach(uri -> template.requestBody(uri, "052123456" + uris.indexOf(uri)));
        HttpClientConnectionManager before = component.getSharedPool();

        component.stop();
        TextMeOtpTransportException whileStopped = assertInstanceOf(TextMeOtpTransportException.class, assertThrows(
                CamelExecutionException.class, () -> template.requestBody("textme-otp:send", "0521234569")).getCause());
        assertTrue(whileStopped.getMessage().contains("the connection pool is closed"), whileStopped.getMessage());
        component.start();

        for (String uri : uris) {
            TextMeOtpResult result = template.requestBody(uri, "052765432" + uris.indexOf(uri), TextMeOtpResult.class);
            assertEquals(0, result.getStatus(), uri);
        }
        TextMeOtpEndpoint send = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
        assertNotSame(before, component.getSharedPool(), "a new shared pool");
        assertSame(component.getSharedPool(), poolOf(send));
        assertClosed(before);
        assertEquals(4, received.get(), "requests TextMe received");
        template.stop();
    }

    @Test
    void theEndpointsOfAComponentShareOnePoolAndAnEndpointWithItsOwnTlsHasItsOwn() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(SENT)));
        TextMeOtpComponent component = newContext(apiUrl(), 7);
        context.getRegistry().bind("ownTls", new SSLContextParameters());
        context.start();

        TextMeOtpEndpoint send = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
        TextMeOtpEndpoint validate = context.getEndpoint("textme-otp:validate", TextMeOtpEndpoint.class);
        TextMeOtpEndpoint otherSend = context.getEndpoint("textme-otp:send?maxTries=5", TextMeOtpEndpoint.class);
        TextMeOtpEndpoint ownTls = context.getEndpoint("textme-otp:send?sslContextParameters=#ownTls",
                                                       TextMeOtpEndpoint.class);

        HttpClientConnectionManager shared = component.getSharedPool();
        assertNotNull(shared, "the shared pool of the started endpoints");
        assertSame(shared, poolOf(send));
        assertSame(shared, poolOf(validate));
        assertSame(shared, poolOf(otherSend));
        assertNotSame(shared, poolOf(ownTls), "an endpoint with its own TLS settings has its own pool");
        for (TextMeOtpEndpoint endpoint : List.of(send, validate, otherSend, ownTls)) {
            assertEquals(7, endpoint.getConnectionsMax(), "the pool limit of " + endpoint);
            assertEquals(0, endpoint.getConnectionsLeased());
        }

        // a connection opened by one endpoint is the other endpoints' too
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("textme-otp:send", "0521234567");
        assertEquals(1, send.getConnectionsAvailable(), "the kept-alive connection, seen by send");
        assertEquals(1, validate.getConnectionsAvailable(), "the same connection, seen by validate");
        assertEquals(0, ownTls.getConnectionsAvailable(), "the own pool is another pool");

        // the own pool is closed with its endpoint; the shared one goes on
        HttpClientConnectionManager own = poolOf(ownTls);
        context.removeEndpoint(ownTls);
        assertClosed(own);
        assertEquals(-1, ownTls.getConnectionsMax(), "a stopped endpoint has no pool");
        template.requestBodyAndHeader("textme-otp:validate", CODE, TextMeOtpConstants.PHONE, "0521234567");

        // the shared pool is closed with the component
        template.stop();
        context.stop();
        assertNull(component.getSharedPool(), "the component forgot its pool");
        assertClosed(shared);
        assertEquals(-1, send.getConnectionsLeased(), "a stopped endpoint has no pool");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLimitIsSharedByTheEndpointsAndACallThatFindsNoFreeConnectionFailsUnsentAfterConnectTimeout()
            throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twoArrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService serverThreads = Executors.newCachedThreadPool();
        stalling.setExecutor(serverThreads);
        stalling.createContext("/api", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            received.incrementAndGet();
            twoArrived.countDown();
            try (exchange; InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the stalled requests");
                }
                byte[] answer = SENT.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        stalling.start();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            long connectTimeout = 700;
            TextMeOtpComponent component = newContext(
                    "http://127.0.0.1:" + stalling.getAddress().getPort() + "/api", 2);
            component.getConfiguration().setConnectTimeout(connectTimeout);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            TextMeOtpEndpoint send = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
            TextMeOtpEndpoint validate = context.getEndpoint("textme-otp:validate", TextMeOtpEndpoint.class);

            // two sends take the two connections and stall at the server
            List<Future<Object>> stalled = new ArrayList<>();
            for (String phone : List.of("0521111111", "0522222222")) {
                stalled.add(callers.submit(() -> template.requestBody("textme-otp:send", phone)));
            }
            assertTrue(twoArrived.await(20, TimeUnit.SECONDS), "the two sends reached the server");
            assertEquals(2, send.getConnectionsLeased());
            assertEquals(2, validate.getConnectionsLeased(), "the pool is shared: validate sees them leased too");

            // a validate finds no free connection: it waits connectTimeout for one, then fails without being sent
            long start = System.nanoTime();
            CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                    () -> template.requestBodyAndHeader("textme-otp:validate", CODE, TextMeOtpConstants.PHONE,
                                                        "0523333333"));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, thrown.getCause());
            assertInstanceOf(ConnectionRequestTimeoutException.class, e.getCause(), "a pool lease timeout");
            assertFalse(e.mayHaveReachedServer(), "nothing was sent: a retry is safe");
            assertTrue(waitedMillis >= connectTimeout - 50, "failed after " + waitedMillis + " ms, before the "
                                                            + connectTimeout + " ms connectTimeout");
            assertTrue(waitedMillis < connectTimeout + 5_000, "waited " + waitedMillis + " ms for a connection");
            assertEquals(2, received.get(), "requests that reached the server");
            assertEquals(2, maxInFlight.get(), "requests at the server at once");

            release.countDown();
            for (Future<Object> call : stalled) {
                assertEquals(0, assertInstanceOf(TextMeOtpResult.class, call.get(20, TimeUnit.SECONDS)).getStatus());
            }
            assertEquals(0, send.getConnectionsLeased(), "connections left leased");
            assertEquals(2, received.get(), "requests that reached the server: the failed validate never did");
            assertEquals(2, maxInFlight.get(), "requests at the server at once");
        } finally {
            release.countDown();
            callers.shutdownNow();
            if (context != null) {
                context.stop();
            }
            stalling.stop(0);
            serverThreads.shutdownNow();
            assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));
            assertTrue(serverThreads.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    // ---- 10,000 exchanges with mixed answers

    /** What TextMe answers, chosen by the digit after 05 in the phone. */
    enum Answer {
        SUCCESS(okJson("{\"status\":0,\"message\":\"ok\",\"shipment_id\":\"s-1\"}")),
        API_ERROR(okJson("{\"status\":4,\"message\":\"not enough credit\"}")),
        HTTP_500(aResponse().withStatus(500).withBody("{\"status\":0}")),
        MALFORMED_JSON(ok("{\"status\":").withHeader("Content-Type", "application/json")),
        EMPTY_BODY(ok()),
        STATUS_12(okJson("{\"status\":12,\"message\":\"wrong code\"}"));

        final com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response;

        Answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
            this.response = response;
        }

        String phone(int index) {
            return String.format("05%d%07d", ordinal(), index);
        }

        /** The outcome an exchange must end with. */
        String expected(TextMeOtpOperation operation) {
            return switch (this) {
                case SUCCESS -> operation == TextMeOtpOperation.send ? "sent" : "valid";
                case API_ERROR -> "api status 4";
                case HTTP_500 -> "HTTP 500";
                case MALFORMED_JSON, EMPTY_BODY -> "unreadable answer";
                case STATUS_12 -> operation == TextMeOtpOperation.send ? "api status 12" : "invalid";
            };
        }
    }

    /** The outcome an exchange ended with, in the terms of {@link Answer#expected}. */
    private static String outcome(Exchange exchange, String phone) {
        Exception e = exchange.getException();
        if (e instanceof TextMeOtpApiException api) {
            return "api status " + api.getStatus();
        }
        if (e instanceof TextMeOtpTransportException transport) {
            if (!transport.mayHaveReachedServer()) {
                return "unsent: " + transport.getMessage();
            }
            if (transport.getHttpStatus() != 0) {
                return "HTTP " + transport.getHttpStatus();
            }
            // HTTP 200 whose body is no API answer: the request reached TextMe, the answer was not readable
            return transport.getMessage().contains("TextMe answered HTTP 200") ? "unreadable answer"
                    : "transport: " + transport.getMessage();
        }
        if (e != null) {
            return "unexpected " + e;
        }
        TextMeOtpResult result = exchange.getMessage().getBody(TextMeOtpResult.class);
        if (result == null || !phone.equals(result.getPhone())) {
            return "a result that is not this exchange's: " + result;
        }
        if (result.getOperation() == TextMeOtpOperation.send) {
            return "s-1".equals(result.getShipmentId()) ? "sent" : "sent without shipment id";
        }
        return Boolean.TRUE.equals(result.getValid()) ? "valid" : "invalid";
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenThousandMixedExchangesLeakNoConnectionAndTheStoppedContextLeavesNoThreadBehind() throws Exception {
        for (Answer answer : Answer.values()) {
            textMe.stubFor(post(urlPathEqualTo("/api"))
                    .withRequestBody(containing("\"phone\":\"05" + answer.ordinal()))
                    .willReturn(answer.response));
        }
        Set<Thread> baseline = liveThreads();
        int baselineCount = baseline.size();

        TextMeOtpComponent component = newContext(apiUrl(), MAX_CONNECTIONS);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        TextMeOtpEndpoint send = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
        TextMeOtpEndpoint validate = context.getEndpoint("textme-otp:validate", TextMeOtpEndpoint.class);
        Map<TextMeOtpOperation, TextMeOtpEndpoint> endpoints = Map.of(
                TextMeOtpOperation.send, send, TextMeOtpOperation.validate, validate);
        HttpClientConnectionManager pool = component.getSharedPool();
        assertSame(pool, poolOf(send));
        assertSame(pool, poolOf(validate));

        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger wrongCount = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int first = caller;
                tasks.add(() -> {
                    for (int i = first; i < EXCHANGES; i += CALLERS) {
                        Answer answer = Answer.values()[i % Answer.values().length];
                        TextMeOtpOperation operation = (i / Answer.values().length) % 2 == 0
                                ? TextMeOtpOperation.send : TextMeOtpOperation.validate;
                        String phone = answer.phone(i);
                        Exchange exchange = template.request(endpoints.get(operation), ex -> {
                            ex.getMessage().setHeader(TextMeOtpConstants.PHONE, phone);
                            ex.getMessage().setBody(operation == TextMeOtpOperation.validate ? CODE : null);
                        });
                        String expected = answer.expected(operation);
                        String actual = outcome(exchange, phone);
                        outcomes.computeIfAbsent(actual, k -> new AtomicInteger()).incrementAndGet();
                        if (!expected.equals(actual) && wrongCount.incrementAndGet() <= 20) {
                            wrong.add("#" + i + " " + operation + " " + answer + ": expected " + expected + ", got "
                                      + actual);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : callers.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                if (done.isCancelled()) {
                    fail("the exchanges did not finish within 60 s (leaked connections?): pool " + statsOf(pool)
                         + ", outcomes so far " + outcomes + ", e.g. " + wrong);
                }
                done.get(); // a task only throws on a bug of the test itself
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - cpuStart);
            System.out.printf("TextMeOtpConnectionPoolTest: %d exchanges from %d callers on %d connections in %d ms"
                              + " (%d ms of CPU, client and server): %s%n",
                              EXCHANGES, CALLERS, MAX_CONNECTIONS, millis, cpuMillis, outcomes);

            assertEquals(0, wrongCount.get(), wrongCount.get() + " exchanges ended wrongly, e.g. " + wrong);
            assertEquals(EXCHANGES, outcomes.values().stream().mapToInt(AtomicInteger::get).sum(),
                         "exchanges completed");
            assertEquals(EXCHANGES, received.get(), "requests TextMe received: one per exchange");

            PoolStats stats = statsOf(pool);
            assertEquals(0, stats.getLeased(), "connections left leased");
            assertEquals(0, stats.getPending(), "callers left waiting for a connection");
            assertTrue(stats.getAvailable() <= MAX_CONNECTIONS, "idle connections: " + stats);
            assertEquals(MAX_CONNECTIONS, stats.getMax());
            for (TextMeOtpEndpoint endpoint : List.of(send, validate)) {
                assertEquals(0, endpoint.getConnectionsLeased(), "connections leased, seen by " + endpoint);
                assertTrue(endpoint.getConnectionsAvailable() <= endpoint.getConnectionsMax());
                assertEquals(MAX_CONNECTIONS, endpoint.getConnectionsMax());
            }
        } finally {
            callers.shutdownNow();
            assertTrue(callers.awaitTermination(THREAD_DEADLINE_SECONDS, TimeUnit.SECONDS), "callers terminated");
            template.stop();
            context.stop();
        }

        assertNull(component.getSharedPool(), "the component forgot its pool");
        assertClosed(pool);
        assertNoThreadLeftBehind(baseline, baselineCount);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static List<Thread> threadsSince(Set<Thread> baseline) {
        return liveThreads().stream().filter(t -> !baseline.contains(t)).collect(Collectors.toList());
    }

    /** Polls, up to a deadline, until every thread started since the baseline is gone. */
    private static void assertNoThreadLeftBehind(Set<Thread> baseline, int baselineCount) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THREAD_DEADLINE_SECONDS);
        List<Thread> extra = threadsSince(baseline);
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            extra = threadsSince(baseline);
        }
        if (!extra.isEmpty()) {
            fail(extra.size() + " threads started since the baseline are alive " + THREAD_DEADLINE_SECONDS
                 + " s after the context stopped: " + extra.stream()
                         .map(t -> t.getName() + " (" + t.getState() + ")").collect(Collectors.joining(", ")));
        }
        int now = liveThreads().size();
        assertTrue(now <= baselineCount, "live threads: " + now + ", at the baseline: " + baselineCount);
    }
}
