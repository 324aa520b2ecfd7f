package io.github.cameltextme.examples.otpservice;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers to what reading a request body fails with, before any route sees it, as the caller's doing and with no
 * log line (a failure no handler takes is logged by Vert.x at ERROR, a line per request that anyone could flood the
 * log with): a body over {@code camel.server.maxBodySize}, 413
 * {@code {"error": "the request body is larger than 4096 bytes"}} like every other refusal; a form body that cannot be
 * decoded (Vert.x decodes forms as it reads them), 415 as for any body that is not JSON; a connection the caller
 * closed, nothing.
 */
final class RequestBodyLimit {

    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final Buffer NOT_JSON = Buffer.buffer("{\"error\":\"" + JsonContentType.REFUSAL + "\"}");

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

    private static void answer(RoutingContext failure, Buffer tooLarge) {
        HttpServerResponse response = failure.response();
        if (response.closed() || failure.failure() instanceof HttpClosedException) {
            return;
        }
        if (response.headWritten()) {
            failure.next();
        } else if (failure.statusCode() == PAYLOAD_TOO_LARGE) {
            response.setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", "application/json").end(tooLarge);
        } else if (failure.failure() instanceof DecoderException) {
            response.setStatusCode(UNSUPPORTED_MEDIA_TYPE).putHeader("Content-Type", "application/json").end(NOT_JSON);
        } else {
            failure.next();
        }
    }
}
