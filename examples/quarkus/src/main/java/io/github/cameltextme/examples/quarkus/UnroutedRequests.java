package io.github.cameltextme.examples.quarkus;

import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answers to the requests no resource method takes, which Vert.x would give in HTML and Quarkus REST with no body:
 * 405 {@code {"error": "this endpoint takes POST only"}} with {@code Allow} for another method on {@code /otp/send} or
 * {@code /otp/verify}, {@code OPTIONS} included (which Quarkus REST would answer itself, 200), 404
 * {@code {"error": "no such endpoint"}} for a path nothing serves. Neither repeats anything of the request, and
 * neither is logged: anyone can send them.
 */
@ApplicationScoped
public class UnroutedRequests {

    private static final Buffer NOT_FOUND = Buffer.buffer("{\"error\":\"no such endpoint\"}");
    private static final Buffer METHOD_NOT_ALLOWED = Buffer.buffer("{\"error\":\"this endpoint takes POST only\"}");

    void answerNotFoundAsJson(@Observes Router router) {
        router.errorHandler(404, UnroutedRequests::notFound);
    }

    /** 404 {@code {"error": "no such endpoint"}}: the answer to any path nothing serves, however it was reached. */
    static void notFound(RoutingContext request) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").setStatusCode(404).end(NOT_FOUND);
    }

    /** {@code OPTIONS}, answered before Quarkus REST would: 405 on the endpoints, 404 elsewhere, as for any method. */
    void refuseOptions(@Observes Router router) {
        router.route().method(HttpMethod.OPTIONS).order(Integer.MIN_VALUE + 2).handler(request -> {
            if (EndpointPaths.ALL.contains(PathSpellings.underRootPath(request, request.normalizedPath()))) {
                request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.ALLOW, "POST").setStatusCode(405).end(METHOD_NOT_ALLOWED);
            } else {
                notFound(request);
            }
        });
    }

    @ServerExceptionMapper
    Response methodNotAllowed(NotAllowedException refused) {
        return Response.status(405)
                .header(HttpHeaders.ALLOW.toString(), refused.getResponse().getHeaderString(HttpHeaders.ALLOW.toString()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "this endpoint takes POST only"))
                .build();
    }
}
