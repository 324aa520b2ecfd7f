package io.github.cameltextme.otp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault matrix: every way a call to TextMe can fail without a readable answer ends, for send and for validate, in
 * one {@link TextMeOtpTransportException} after exactly one request (HttpClient never retries the POST), within a
 * time bound, and says whether the request may have reached TextMe: {@code false} only when it was never sent.
 * <p>
 * The component has a single pooled connection here, so a fault that leaked its connection would make the next call
 * fail: after each fault, the next call must succeed. Faults WireMock cannot make faithfully (a 10 MB answer, a reset
 * in the middle of an answer, an answer that never comes, a failed TLS handshake) come from {@link RawServer}.
 */
class TextMeOtpFaultMatrixTest extends TextMeOtpTestSupport {

    private static final int CONNECT_TIMEOUT = 1_000;
    /** Long enough that a fault which waited for it instead of failing at once would break the {@link #FAST} bound. */
    private static final int RESPONSE_TIMEOUT = 5_000;
    /** The bound on a fault that needs no waiting. */
    private static final long FAST = 2_000;
    /** The margin over a timeout that is waited for. */
    private static final long MARGIN = 1_500;
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String JSON_PREFIX = "{\"status\":0,\"message\":\"";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // one connection for all calls: a fault that leaked its connection fails the next call
        context.getComponent("textme-otp", TextMeOtpComponent.class).setMaxConnections(1);
        return context;
    }

    @Override
    protected void configure(TextMeOtpConfiguration configuration) {
        super.configure(configuration);
        configuration.setConnectTimeout(CONNECT_TIMEOUT);
        configuration.setResponseTimeout(RESPONSE_TIMEOUT);
        // each case calls again for the same phone after the fault: the limits, tested on their own, would refuse it
        configuration.setLimitsEnabled(false);
    }

    // ---- HTTP answers WireMock makes

    static Stream<Arguments> httpErrors() {
        return Stream.of(TextMeOtpOperation.values()).flatMap(operation -> Stream.of(
                Arguments.of(operation, 500, null),
                Arguments.of(operation, 502, null),
                Arguments.of(operation, 503, "120"),
                Arguments.of(operation, 429, "7")));
    }

    @ParameterizedTest(name = "{0} HTTP {1} Retry-After {2}")
    @MethodSource("httpErrors")
    void anHttpErrorStatus(TextMeOtpOperation operation, int httpStatus, String retryAfter) {
        var answer = aResponse().withStatus(httpStatus).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>" + httpStatus + "</h1></body></html>");
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .willReturn(retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)));

        Outcome outcome = call(operation, "textme-otp:" + operation);

        outcome.assertFast();
        assertTrue(outcome.exception.mayHaveReachedServer());
        assertEquals(httpStatus, outcome.exception.getHttpStatus());
        assertEquals(retryAfter, outcome.exception.getRetryAfter());
        assertEquals(1, apiRequests(), "requests TextMe received");
        assertTheNextCallSucceeds(operation);
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void anEmptyBody(TextMeOtpOperation operation) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(ok()));

        Outcome outcome = call(operation, "textme-otp:" + operation);

        outcome.assertFast();
        assertTrue(outcome.exception.getMessage().contains("without a body"), outcome.exception.getMessage());
        assertTrue(outcome.exception.mayHaveReachedServer());
        assertEquals(1, apiRequests(), "requests TextMe received");
        assertTheNextCallSucceeds(operation);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(TextMeOtpOperation.values()).flatMap(operation -> Stream.of(
                Arguments.of(operation, "malformed JSON", "application/json", "{\"status\":"),
                Arguments.of(operation, "HTML error page", "text/html",
                             "<!DOCTYPE html><html><head><title>Error</title></head>"
                                                                        + "<body>Service unavailable</body></html>"),
                Arguments.of(operation, "not JSON", "text/plain", "status=0")));
    }

    @ParameterizedTest(name = "{0} {1} with HTTP 200")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyWithStatus200(TextMeOtpOperation operation, String what, String contentType, String body) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(ok(body).withHeader("Content-Type", contentType)));

        Outcome outcome = call(operation, "textme-otp:" + operation);

        outcome.assertFast();
        assertInstanceOf(JsonProcessingException.class, outcome.exception.getCause());
        assertTrue(outcome.exception.getMessage().contains("not the API's JSON"), outcome.exception.getMessage());
        assertTrue(outcome.exception.mayHaveReachedServer());
        assertEquals(1, apiRequests(), "requests TextMe received");
        assertTheNextCallSucceeds(operation);
    }

    // ---- connections

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aRefusedConnection(TextMeOtpOperation operation) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Outcome outcome = call(operation, uri(operation, "http://127.0.0.1:" + closedPort + "/api"));

        outcome.assertFast();
        assertInstanceOf(ConnectException.class, outcome.exception.getCause());
        assertFalse(outcome.exception.mayHaveReachedServer(), "the connection was never made");
        assertEquals(0, outcome.exception.getHttpStatus());
        assertTheNextCallSucceeds(operation);
    }

    @Test
    void aFailedTlsHandshake() throws Exception {
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            in.read(); // the first byte of the ClientHello, then no TLS at all
        })) {
            Outcome outcome = call(TextMeOtpOperation.send,
                                   uri(TextMeOtpOperation.send, "https://127.0.0.1:" + server.port() + "/api"));

            outcome.assertFast();
            assertFalse(outcome.exception.mayHaveReachedServer(), "the request is never written before TLS is up");
            assertEquals(1, server.connections());
            assertEquals(0, server.requests(), "no HTTP request got through");
        }
        assertTheNextCallSucceeds(TextMeOtpOperation.send);
    }

    /** The connect phase (TCP, then TLS) is bounded by connectTimeout: a server that never answers the ClientHello. */
    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aStalledTlsHandshakeTimesOutAfterTheConnectTimeout(TextMeOtpOperation operation) throws Exception {
        int connectTimeout = 800;
        try (RawServer server = new RawServer((socket, in, out, raw) -> RawServer.awaitHangUp(in))) {
            Outcome outcome = call(operation, uri(operation, "https://127.0.0.1:" + server.port() + "/api")
                                              + "&connectTimeout=" + connectTimeout);

            assertTrue(outcome.millis >= connectTimeout && outcome.millis < connectTimeout + MARGIN,
                       "took " + outcome.millis + " ms, the connect timeout is " + connectTimeout + " ms");
            assertInstanceOf(SocketTimeoutException.class, outcome.exception.getCause());
            assertFalse(outcome.exception.mayHaveReachedServer(), "the request is never written before TLS is up");
            assertEquals(1, server.connections());
            assertEquals(0, server.requests());
        }
        assertTheNextCallSucceeds(operation);
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aConnectionResetInTheMiddleOfTheAnswer(TextMeOtpOperation operation) throws Exception {
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            raw.readRequest(in, out);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2048\r\n\r\n"
                            + JSON_PREFIX + "half an ans"));
            out.flush();
            socket.setSoLinger(true, 0); // close with an RST
            socket.close();
        })) {
            Outcome outcome = call(operation, uri(operation, server.url()));

            outcome.assertFast();
            assertInstanceOf(IOException.class, outcome.exception.getCause());
            assertTrue(outcome.exception.mayHaveReachedServer());
            assertEquals(0, outcome.exception.getHttpStatus());
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(operation);
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aStalledAnswerTimesOutAfterTheResponseTimeout(TextMeOtpOperation operation) throws Exception {
        int responseTimeout = 1_000;
        try (RawServer server = new RawServer(RawServer.STALL)) {
            Outcome outcome = call(operation, uri(operation, server.url()) + "&responseTimeout=" + responseTimeout);

            assertTrue(outcome.millis >= responseTimeout && outcome.millis < responseTimeout + MARGIN,
                       "took " + outcome.millis + " ms, the response timeout is " + responseTimeout + " ms");
            assertInstanceOf(SocketTimeoutException.class, outcome.exception.getCause());
            assertTrue(outcome.exception.mayHaveReachedServer());
            assertEquals(0, outcome.exception.getHttpStatus());
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(operation);
    }

    @Test
    void aCallThatFindsNoFreeConnectionFailsUnsentAfterTheConnectTimeout() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"ok\"}");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (RawServer server = new RawServer(RawServer.STALL)) {
            // the only connection, taken by a call TextMe does not answer
            CompletableFuture<Outcome> stalled = CompletableFuture.supplyAsync(
                    () -> call(TextMeOtpOperation.send, uri(TextMeOtpOperation.send, server.url())), caller);
            server.awaitRequest();

            Outcome outcome = call(TextMeOtpOperation.validate, "textme-otp:validate");

            assertTrue(outcome.millis >= CONNECT_TIMEOUT - 100 && outcome.millis < CONNECT_TIMEOUT + MARGIN,
                       "took " + outcome.millis + " ms, the connect timeout is " + CONNECT_TIMEOUT + " ms");
            assertFalse(outcome.exception.mayHaveReachedServer(), "no connection was free: nothing was sent");
            assertEquals(0, outcome.exception.getHttpStatus());
            assertEquals(0, apiRequests(), "requests TextMe received");

            server.dropConnections(); // the stalled call ends now, without an answer
            Outcome first = stalled.get(FAST, TimeUnit.MILLISECONDS);
            assertTrue(first.exception.mayHaveReachedServer());
            assertTrue(first.millis < RESPONSE_TIMEOUT, "the stalled call ended when its connection was dropped");
            server.assertExactlyOneRequest();
        } finally {
            caller.shutdownNow();
        }
        assertTheNextCallSucceeds(TextMeOtpOperation.validate);
    }

    // ---- answers too big to read

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aTenMegabyteAnswerIsRejectedByItsContentLengthWithoutReadingIt(TextMeOtpOperation operation)
            throws Exception {
        CompletableFuture<String> hangUp = new CompletableFuture<>();
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            raw.readRequest(in, out);
            byte[] part = body(100 * 1024);
            try {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + TEN_MB
                                + "\r\n\r\n"));
                out.write(part);
                out.flush();
            } catch (IOException e) {
                hangUp.complete("the write failed: " + e);
                return;
            }
            // the other 10 MB never come: a client reading them all would wait for its response timeout
            hangUp.complete(RawServer.awaitHangUp(in));
        })) {
            Outcome outcome = call(operation, uri(operation, server.url()));

            outcome.assertFast();
            assertTrue(outcome.exception.getMessage().contains("larger than the " + TextMeOtpApiClient.MAX_ANSWER_BYTES),
                       outcome.exception.getMessage());
            assertTrue(outcome.exception.mayHaveReachedServer());
            assertNotNull(hangUp.get(1, TimeUnit.SECONDS), "the client closed the connection instead of draining it");
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(operation);
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aTenMegabyteChunkedAnswerIsRejectedWithoutReadingItAll(TextMeOtpOperation operation) throws Exception {
        CompletableFuture<Long> written = new CompletableFuture<>();
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            raw.readRequest(in, out);
            socket.setSendBufferSize(64 * 1024); // a fixed buffer: what is written is what the client took
            long bytes = 0;
            try {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                                + "\r\n\r\n"));
                byte[] chunk = chunk(body(16 * 1024));
                while (bytes < TEN_MB) {
                    out.write(chunk);
                    bytes += 16 * 1024;
                }
                out.write(chunk(ascii("\"}")));
                out.write(ascii("0\r\n\r\n"));
                out.flush();
            } catch (IOException e) {
                written.complete(bytes); // the client closed the connection
                return;
            }
            written.complete(bytes);
            RawServer.awaitHangUp(in);
        })) {
            Outcome outcome = call(operation, uri(operation, server.url()));

            outcome.assertFast();
            assertTrue(outcome.exception.mayHaveReachedServer());
            long bytes = written.get(FAST, TimeUnit.MILLISECONDS);
            assertTrue(bytes < 4L * 1024 * 1024, "the client read " + bytes + " bytes of a 10 MB answer before failing");
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(operation);
    }

    // ---- answers that echo the code or the token where no parser expects them

    static Stream<Arguments> answersEchoingSecrets() {
        String echo = CODE + "-" + TOKEN;
        return Stream.of(
                Arguments.of("a malformed status line", "HTTP/1.1 2x" + echo + " OK\r\nContent-Length: 2\r\n\r\n{}"),
                Arguments.of("a header line without a colon",
                             "HTTP/1.1 200 OK\r\nX" + echo + "\r\nContent-Length: 2\r\n\r\n{}"),
                Arguments.of("a malformed chunk header",
                             "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz" + echo + "\r\n"),
                Arguments.of("the reason phrase of an HTTP error", "HTTP/1.1 503 " + echo + "\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("the Content-Type of an HTML page",
                             "HTTP/1.1 200 OK\r\nContent-Type: text/html; x=" + echo
                                                                + "\r\nContent-Length: 7\r\n\r\n<html/>"));
    }

    /** The exception, its causes, suppressed exceptions and stack traces never show a code or token TextMe echoed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("answersEchoingSecrets")
    void anAnswerEchoingTheCodeAndTokenNeverShowsThem(String where, String answer) throws Exception {
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            raw.readRequest(in, out);
            out.write(ascii(answer));
            out.flush();
            socket.shutdownOutput(); // HttpClient skips a garbage status line and would wait for a proper one
            RawServer.awaitHangUp(in);
        })) {
            Outcome outcome = call(TextMeOtpOperation.validate, uri(TextMeOtpOperation.validate, server.url()));

            outcome.assertFast();
            assertTrue(outcome.exception.mayHaveReachedServer());
            StringWriter chain = new StringWriter();
            outcome.exception.printStackTrace(new PrintWriter(chain));
            assertFalse(chain.toString().contains(CODE), chain.toString());
            assertFalse(chain.toString().contains(TOKEN), chain.toString());
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(TextMeOtpOperation.validate);
    }

    /** Headers are bounded as the body is: a server that sends headers without end fails the call at once. */
    @Test
    void anAnswerWithEndlessHeadersIsRejected() throws Exception {
        try (RawServer server = new RawServer((socket, in, out, raw) -> {
            raw.readRequest(in, out);
            out.write(ascii("HTTP/1.1 200 OK\r\n"));
            for (int i = 0; i < 100_000; i++) {
                out.write(ascii("X-Filler-" + i + ": " + "f".repeat(64) + "\r\n"));
            }
            out.flush();
        })) {
            Outcome outcome = call(TextMeOtpOperation.send, uri(TextMeOtpOperation.send, server.url()));

            outcome.assertFast();
            assertTrue(outcome.exception.mayHaveReachedServer());
            server.assertExactlyOneRequest();
        }
        assertTheNextCallSucceeds(TextMeOtpOperation.send);
    }

    @Test
    void anUnknownHostIsNeverReached() {
        Outcome outcome = call(TextMeOtpOperation.send, uri(TextMeOtpOperation.send, "https://textme.invalid/api"));

        outcome.assertFast();
        assertInstanceOf(UnknownHostException.class, outcome.exception.getCause());
        assertFalse(outcome.exception.mayHaveReachedServer());
    }

    /** A producer whose endpoint was stopped under it fails typed and unsent, instead of with IllegalStateException. */
    @Test
    void aCallOnAStoppedEndpointFailsUnsent() throws Exception {
        TextMeOtpEndpoint endpoint = context.getEndpoint("textme-otp:send?appId=7", TextMeOtpEndpoint.class);
        Producer producer = endpoint.createProducer();
        producer.start();
        endpoint.stop();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(PHONE);

        TextMeOtpTransportException e = assertThrows(TextMeOtpTransportException.class, () -> producer.process(exchange));

        assertFalse(e.mayHaveReachedServer());
        assertEquals(0, apiRequests());
        assertEquals(1, endpoint.getTransportErrorCount());
        producer.stop();
    }

    // ---- helpers

    /** A failed call: its exception and how long it took. */
    record Outcome(TextMeOtpTransportException exception, long millis) {

        void assertFast() {
            assertTrue(millis < FAST, "took " + millis + " ms, the response timeout is " + RESPONSE_TIMEOUT + " ms");
        }
    }

    /** Calls the endpoint, which must fail with exactly one TextMeOtpTransportException of this operation. */
    private Outcome call(TextMeOtpOperation operation, String uri) {
        // the endpoint and its TLS context are made before the clock starts: only the call is timed
        context.getEndpoint(uri);
        long start = System.nanoTime();
        TextMeOtpTransportException e = switch (operation) {
            case send -> failure(TextMeOtpTransportException.class, uri, PHONE, Map.of());
            case validate -> failure(TextMeOtpTransportException.class, uri, CODE,
                                     Map.of(TextMeOtpConstants.PHONE, PHONE));
        };
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(operation, e.getOperation());
        return new Outcome(e, millis);
    }

    private static String uri(TextMeOtpOperation operation, String baseUrl) {
        return "textme-otp:" + operation + "?baseUrl=" + baseUrl;
    }

    private static int apiRequests() {
        return textMe.findAll(postRequestedFor(urlPathEqualTo("/api"))).size();
    }

    /** No connection leaked: the single pooled connection is free, and the next call gets an answer. */
    private void assertTheNextCallSucceeds(TextMeOtpOperation operation) {
        textMe.stubFor(post(urlPathEqualTo("/healthy")).willReturn(okJson("{\"status\":0,\"message\":\"ok\"}")));
        String uri = uri(operation, textMe.baseUrl() + "/healthy");
        TextMeOtpEndpoint endpoint = context.getEndpoint(uri, TextMeOtpEndpoint.class);
        assertEquals(1, endpoint.getConnectionsMax());
        assertEquals(0, endpoint.getConnectionsLeased(), "connections still leased after the fault");

        Exchange exchange = exchange(uri, operation == TextMeOtpOperation.send ? PHONE : CODE,
                                     Map.of(TextMeOtpConstants.PHONE, PHONE));

        assertNull(exchange.getException(), "the call after the fault");
        assertEquals(0, exchange.getMessage().getHeader(TextMeOtpConstants.STATUS));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a JSON answer whose message goes on and on. */
    private static byte[] body(int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) 'a');
        byte[] prefix = ascii(JSON_PREFIX);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        return body;
    }

    private static byte[] chunk(byte[] data) {
        byte[] size = ascii(Integer.toHexString(data.length) + "\r\n");
        byte[] chunk = Arrays.copyOf(size, size.length + data.length + 2);
        System.arraycopy(data, 0, chunk, size.length, data.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    /**
     * An HTTP/1.1 server on loopback for the faults WireMock cannot make faithfully: each connection it accepts is
     * served by one behaviour, on a daemon thread, and closed when the behaviour returns. It counts connections and
     * requests.
     */
    static final class RawServer implements AutoCloseable {

        @FunctionalInterface
        interface Behaviour {
            void serve(Socket socket, InputStream in, OutputStream out, RawServer server) throws IOException;
        }

        /** Reads the request and never answers, until the client hangs up or the server drops the connection. */
        static final Behaviour STALL = (socket, in, out, server) -> {
            server.readRequest(in, out);
            awaitHangUp(in);
        };

        private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

        private final ServerSocket serverSocket;
        private final Behaviour behaviour;
        private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "raw-textme");
            thread.setDaemon(true);
            return thread;
        });
        private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        private final BlockingQueue<String> requestHeads = new LinkedBlockingQueue<>();

        RawServer(Behaviour behaviour) throws IOException {
            this.behaviour = behaviour;
            this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::accept);
        }

        private void accept() {
            while (!serverSocket.isClosed()) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    return; // closed
                }
                connections.incrementAndGet();
                sockets.add(socket);
                threads.execute(() -> {
                    try (socket) {
                        behaviour.serve(socket, socket.getInputStream(), socket.getOutputStream(), this);
                    } catch (IOException e) {
                        // the client went away; behaviours that care record it
                    }
                });
            }
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/api";
        }

        int connections() {
            return connections.get();
        }

        int requests() {
            return requests.get();
        }

        void assertExactlyOneRequest() {
            assertEquals(1, requests(), "requests the server received");
            assertEquals(1, connections(), "connections the server accepted");
        }

        /** Reads one request, head and body; returns its head, or {@code null} if the client hung up first. */
        String readRequest(InputStream in, OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.append((char) b);
            }
            String text = head.toString();
            requests.incrementAndGet();
            if (text.toLowerCase(Locale.ROOT).contains("expect: 100-continue")) {
                out.write(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
                out.flush();
            }
            Matcher length = CONTENT_LENGTH.matcher(text);
            if (length.find()) {
                in.readNBytes(Integer.parseInt(length.group(1)));
            }
            requestHeads.add(text);
            return text;
        }

        /** Waits for the next request to have been read. */
        String awaitRequest() throws InterruptedException {
            String head = requestHeads.poll(5, TimeUnit.SECONDS);
            assertNotNull(head, "no request came");
            return head;
        }

        /** Blocks until the client closes the connection; tells how. */
        static String awaitHangUp(InputStream in) {
            try {
                while (in.read() >= 0) {
                    // whatever else comes is not answered
                }
                return "closed";
            } catch (IOException e) {
                return "reset: " + e.getMessage();
            }
        }

        /** Closes the connections accepted so far, from the server's side. */
        void dropConnections() {
            for (Socket socket; (socket = sockets.poll()) != null;) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
            dropConnections();
            threads.shutdownNow();
        }
    }
}
