package io.github.cameltextme.examples.quarkus;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body, up to {@code quarkus.http.limits.max-body-size}, before Quarkus REST sees it (Vert.x's
 * {@link BodyHandler}, whose body Quarkus REST then takes as it is). A larger body, whether its {@code Content-Length}
 * says so or a chunked body grows past the bound, is answered 413
 * {@code {"error": "the request body is larger than 4096 bytes"}} like every other refusal, where Quarkus would answer
 * with no body, and the connection is closed, as Quarkus does, so that no more of the body is read.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    /** Set on a request once it is refused: the failure its closed connection then raises is expected, not logged. */
    private static final String REFUSED = RequestBodyLimit.class.getName() + ".refused";

    private final long maxBodySize;
    private final Buffer answer;
    private final Buffer notJson = Buffer.buffer("{\"error\":\"" + JsonContentType.REFUSAL + "\"}");
    private final BodyHandler bodies;

    RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.answer = Buffer.buffer("{\"error\":\"the request body is larger than " + this.maxBodySize + " bytes\"}");
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void answerAsJson(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::readBody)
                .failureHandler(this::refuse);
    }

    /**
     * A request that says its body is empty, or that has already ended, is left to Quarkus REST as it comes: the body
     * handler would never pass it on.
     */
    private void readBody(RoutingContext request) {
        if (request.request().isEnded() || "0".equals(request.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
            request.next();
            return;
        }
        bodies.handle(request);
    }

    /**
     * Answers what reading the body failed with as the caller's doing, never logged: past the bound, 413; a form body
     * that cannot be decoded (the body handler decodes forms), 415 as for any body that is not JSON; a connection the
     * caller closed, nothing.
     */
    private void refuse(RoutingContext failure) {
        HttpServerResponse response = failure.response();
        if (failure.get(REFUSED) != null || response.closed() || failure.failure() instanceof HttpClosedException) {
            return;
        }
        if (failure.failure() instanceof DecoderException && !response.headWritten()) {
            response.setStatusCode(UNSUPPORTED_MEDIA_TYPE).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(notJson);
            return;
        }
        if (failure.statusCode() != PAYLOAD_TOO_LARGE || response.headWritten()) {
            failure.next();
            return;
        }
        failure.put(REFUSED, true);
        response.putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(ended -> failure.request().connection().close());
        response.setStatusCode(PAYLOAD_TOO_LARGE).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer);
    }
}
