package io.github.cameltextme.examples.otpservice;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a request body over {@code camel.server.maxBodySize}, which Vert.x refuses before any route sees it:
 * 413 {@code {"error": "the request body is larger than 4096 bytes"}} like every other refusal, and no log line (a
 * failure no handler takes is logged by Vert.x at ERROR, a line per request that anyone could flood the log with).
 */
final class RequestBodyLimit {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private RequestBodyLimit() {
    }

    /**
     * Answers the bodies over the server's bound that its router refuses.
     *
     * @throws IllegalStateException when the server has no bound ({@code camel.server.maxBodySize} unset), and would
     *                               read bodies of any size
     */
    static void answerAsJson(Router router, Long maxBodySize) {
        if (maxBodySize == null) {
            throw new IllegalStateException("camel.server.maxBodySize is not set: the HTTP server would read request "
                                            + "bodies of any size; the OTP routes need a few hundred bytes (4096)");
        }
        Buffer answer = Buffer.buffer("{\"error\":\"the request body is larger than " + maxBodySize + " bytes\"}");
        router.route().failureHandler(failure -> answer(failure, answer));
    }

    private static void answer(RoutingContext failure, Buffer answer) {
        if (failure.statusCode() != PAYLOAD_TOO_LARGE || failure.response().headWritten()) {
            failure.next();
            return;
        }
        failure.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", "application/json").end(answer);
    }
}
