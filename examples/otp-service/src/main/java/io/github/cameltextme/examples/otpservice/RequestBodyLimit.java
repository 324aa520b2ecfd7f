package io.github.cameltextme.examples.otpservice;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The answer to a request body over {@code camel.server.maxBodySize}, which Vert.x refuses before any route sees it:
 * 413 {@code {"error": "the request body is larger than 4096 bytes"}} like every other refusal, and no log line (a
 * failure no handler takes is logged by Vert.x at ERROR, a line per request that anyone could flood the log with).
 */
final class RequestBodyLimit {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private RequestBodyLimit() {
    }

    /** Answers the bodies over {@code camel.server.maxBodySize} that the server on the port refuses. */
    static void answerAsJson(CamelContext context, int port) {
        String maxBodySize = context.getPropertiesComponent().resolveProperty("camel.server.maxBodySize").orElseThrow();
        Buffer answer = Buffer.buffer("{\"error\":\"the request body is larger than " + maxBodySize + " bytes\"}");
        VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                .route()
                .failureHandler(failure -> answer(failure, answer));
    }

    private static void answer(RoutingContext failure, Buffer answer) {
        if (failure.statusCode() != PAYLOAD_TOO_LARGE || failure.response().headWritten()) {
            failure.next();
            return;
        }
        failure.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", "application/json").end(answer);
    }
}
