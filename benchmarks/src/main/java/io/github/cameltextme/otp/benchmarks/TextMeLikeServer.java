package io.github.cameltextme.otp.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A server on loopback that answers every POST like TextMe's success, {@code {"status":0,"message":"ok"}}: the JDK's
 * HttpServer (with TCP_NODELAY where the JVM runs with {@code -Dsun.net.httpserver.nodelay=true}, as the benchmarks'
 * forks do), at once (so that what is measured is the client side) or after a fixed latency (to stand for TextMe's
 * round trip).
 */
final class TextMeLikeServer implements AutoCloseable {

    private static final byte[] ANSWER = "{\"status\":0,\"message\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final long latencyNanos;
    private final LongAdder received = new LongAdder();
    private volatile Request lastRequest = new Request("", "", new byte[0]);

    /** What a request brought: its credentials, its media type and its body. */
    record Request(String authorization, String contentType, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param latency how long each answer waits before it is written
     * @param threads how many requests the server works on at once
     */
    TextMeLikeServer(Duration latency, int threads) throws IOException {
        this.latencyNanos = latency.toNanos();
        this.threads = Executors.newFixedThreadPool(threads);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/api", this::answer);
        server.setExecutor(this.threads);
        server.start();
    }

    /** A server that answers at once. */
    static TextMeLikeServer immediate() throws IOException {
        return new TextMeLikeServer(Duration.ZERO, 32);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** How many requests reached the server. */
    long received() {
        return received.sum();
    }

    /** The last request that reached the server. */
    Request lastRequest() {
        return lastRequest;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            lastRequest = new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                                      exchange.getRequestHeaders().getFirst("Content-Type"), request.readAllBytes());
            received.increment();
            if (latencyNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(latencyNanos);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream answer = exchange.getResponseBody()) {
                answer.write(ANSWER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
