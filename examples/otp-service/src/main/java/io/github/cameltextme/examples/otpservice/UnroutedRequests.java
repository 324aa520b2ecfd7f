package io.github.cameltextme.examples.otpservice;

import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The answers to the requests no route takes, which Vert.x would give in HTML or with no body: 405
 * {@code {"error": "this endpoint takes POST only"}} with {@code Allow} for another method on a path the routes serve,
 * 404 {@code {"error": "no such endpoint"}} for any other path, 400 {@code {"error": "the request cannot be served"}}
 * for a path that cannot be decoded. None repeats anything of the request, and none is logged: anyone can send them.
 */
final class UnroutedRequests {

    private static final Buffer NOT_FOUND = Buffer.buffer("{\"error\":\"no such endpoint\"}");
    private static final Buffer METHOD_NOT_ALLOWED = Buffer.buffer("{\"error\":\"this endpoint takes POST only\"}");
    private static final Buffer CANNOT_BE_SERVED = Buffer.buffer("{\"error\":\"the request cannot be served\"}");

    private UnroutedRequests() {
    }

    /** Answers, after every route of the router, the requests that none of them took. */
    static void answerAsJson(CamelContext context, VertxPlatformHttpRouter router) {
        PlatformHttpComponent platformHttp = context.getComponent("platform-http", PlatformHttpComponent.class);
        router.route()
                .last()
                .handler(request -> answer(request, platformHttp));
        // a path Vert.x cannot decode (/otp/send%ZZ) fails in the server's own router, before Camel's, in plain text
        if (!(router.getServer().getServer().requestHandler() instanceof Router serverRouter)) {
            throw new IllegalStateException("Camel's HTTP server has no router of its own to answer undecodable paths");
        }
        serverRouter.errorHandler(400, request -> request.response().setStatusCode(400)
                .putHeader("Content-Type", "application/json").end(CANNOT_BE_SERVED));
    }

    private static void answer(RoutingContext request, PlatformHttpComponent platformHttp) {
        String path = request.normalizedPath();
        Optional<HttpEndpointModel> served = platformHttp.getHttpEndpoints().stream()
                .filter(endpoint -> endpoint.getUri().equals(path))
                .findFirst();
        if (served.isPresent()) {
            request.response().putHeader("Content-Type", "application/json").putHeader("Allow", served.get().getVerbs())
                    .setStatusCode(405).end(METHOD_NOT_ALLOWED);
        } else {
            notFound(request);
        }
    }

    /** 404 {@code {"error": "no such endpoint"}}: the answer to any path nothing serves, however it was reached. */
    static void notFound(RoutingContext request) {
        request.response().putHeader("Content-Type", "application/json").setStatusCode(404).end(NOT_FOUND);
    }
}
