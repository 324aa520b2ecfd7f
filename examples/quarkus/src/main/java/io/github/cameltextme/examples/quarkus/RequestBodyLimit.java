package io.github.cameltextme.examples.quarkus;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer to a request body over {@code quarkus.http.limits.max-body-size}: 413
 * {@code {"error": "the request body is larger than 4096 bytes"}} like every other refusal, where Quarkus would answer
 * with no body: a body whose {@code Content-Length} says it is too large is refused before any of it is read, and the
 * connection closed, as Quarkus does. A chunked body that grows past the bound is still refused by Quarkus itself,
 * which ends that answer, 413, with no body.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private final long maxBodySize;
    private final Buffer answer;

    RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.answer = Buffer.buffer("{\"error\":\"the request body is larger than " + this.maxBodySize + " bytes\"}");
    }

    void answerAsJson(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseByLength);
    }

    private void refuseByLength(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
            && Long.parseLong(length) > maxBodySize) {
            HttpServerResponse response = request.response();
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ended -> request.request().connection().close());
            tooLarge(response);
            return;
        }
        request.next();
    }

    private void tooLarge(HttpServerResponse response) {
        response.setStatusCode(PAYLOAD_TOO_LARGE).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer);
    }
}
