package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP side of {@code /api} and {@code /api/test}: records each request, applies the next pending fault if any,
 * and answers with the dispatcher's JSON (always HTTP 200, like the real API).
 */
final class ApiHandler implements AutoCloseable {

    static final int MAX_BODY_BYTES = 1 << 20;
    /** A recorded request keeps at most this much of its body: real requests are far smaller. */
    static final int MAX_RECORDED_BODY_BYTES = 4 << 10;
    /**
     * A recorded request keeps header values while their names and values come to at most this many characters; a
     * value that would pass it is left out. Real requests carry well under 1 KiB.
     */
    static final int MAX_RECORDED_HEADER_CHARS = 8 << 10;

    private static final byte[] MALFORMED_BODY = "{\"status\":".getBytes(StandardCharsets.UTF_8);

    private final ApiDispatcher dispatcher;
    private final RequestLog requestLog;
    private final FaultQueue faults;
    private final Clock clock;
    private final ScheduledExecutorService delayedAnswers;

    ApiHandler(ApiDispatcher dispatcher, RequestLog requestLog, FaultQueue faults, Clock clock, String threadNamePrefix) {
        this.dispatcher = dispatcher;
        this.requestLog = requestLog;
        this.faults = faults;
        this.clock = clock;
        this.delayedAnswers = Executors.newSingleThreadScheduledExecutor(SimulatorThreads.daemons(threadNamePrefix + "-delay"));
    }

    void handle(HttpExchange exchange, boolean dryRun) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        requestLog.record(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                recordedHeaders(exchange.getRequestHeaders()), new String(body, 0, Math.min(body.length, MAX_RECORDED_BODY_BYTES), StandardCharsets.UTF_8),
                clock.instant()));
        Optional<Fault> fault = faults.next();
        if (fault.isPresent()) {
            inject(fault.get(), exchange, body, dryRun);
        } else {
            HttpResponses.send(exchange, 200, HttpResponses.JSON, answer(exchange, body, dryRun));
        }
    }

    private static Map<String, List<String>> recordedHeaders(Headers headers) {
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        int chars = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                int length = header.getKey().length() + value.length();
                if (chars + length <= MAX_RECORDED_HEADER_CHARS) {
                    chars += length;
                    recorded.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(value);
                }
            }
        }
        return recorded;
    }

    private void inject(Fault fault, HttpExchange exchange, byte[] body, boolean dryRun) {
        if (fault instanceof Fault.Delay delay) {
            byte[] answer = answer(exchange, body, dryRun);
            try {
                delayedAnswers.schedule(() -> HttpResponses.send(exchange, 200, HttpResponses.JSON, answer),
                        delay.delay().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                exchange.close();
            }
        } else if (fault instanceof Fault.HttpError error) {
            HttpResponses.sendText(exchange, error.httpStatus(), "simulated HTTP " + error.httpStatus() + " failure");
        } else if (fault instanceof Fault.ApiRefusal refusal) {
            HttpResponses.send(exchange, 200, HttpResponses.JSON, JsonCodec.write(
                    ApiResponse.failure(refusal.status(), "simulated refusal, status " + refusal.status()).toJsonObject()));
        } else if (fault instanceof Fault.MalformedBody) {
            HttpResponses.send(exchange, 200, HttpResponses.JSON, MALFORMED_BODY);
        } else if (fault instanceof Fault.DroppedConnection) {
            // Closing before any response header was sent makes the server close the connection: the client reads EOF.
            exchange.close();
        }
    }

    private byte[] answer(HttpExchange exchange, byte[] body, boolean dryRun) {
        ApiResponse response = body.length > MAX_BODY_BYTES
                ? ApiResponse.failure(ApiStatus.UNPARSABLE_REQUEST, "could not parse the request: body larger than 1 MiB")
                : dispatcher.dispatch(exchange.getRequestMethod(), body,
                        exchange.getRequestHeaders().get("Authorization"), dryRun);
        return JsonCodec.write(response.toJsonObject());
    }

    @Override
    public void close() {
        SimulatorThreads.shutDown(delayedAnswers);
    }
}
