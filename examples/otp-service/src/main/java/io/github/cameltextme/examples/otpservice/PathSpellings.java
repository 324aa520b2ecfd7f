package io.github.cameltextme.examples.otpservice;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;

/**
 * Serves each route's path under its exact spelling only: a request that Vert.x would take to a route by another
 * spelling ({@code /otp/send/}, {@code /otp//send}, {@code /otp/./send}, {@code /otp/%73end}) is 404
 * {@code {"error": "no such endpoint"}}, as a path nothing serves. A proxy or firewall in front that counts, limits or
 * blocks {@code /otp/send} then sees every request that reaches it, and the three examples agree on what they serve. A
 * query string is no part of the path and changes nothing.
 */
final class PathSpellings {

    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private PathSpellings() {
    }

    /** Refuses, before every route of the router, another spelling of a path the routes serve. */
    static void refuseOtherSpellings(CamelContext context, Router router) {
        Set<String> served = context.getComponent("platform-http", PlatformHttpComponent.class).getHttpEndpoints()
                .stream().map(HttpEndpointModel::getUri).collect(Collectors.toUnmodifiableSet());
        router.route()
                .order(Integer.MIN_VALUE)
                .handler(request -> refuseOtherSpelling(request, served));
    }

    private static void refuseOtherSpelling(RoutingContext request, Set<String> served) {
        if (!served.contains(underServerPath(request, request.request().path()))
            && served.contains(looselyRead(underServerPath(request, request.normalizedPath())))) {
            UnroutedRequests.notFound(request);
        } else {
            request.next();
        }
    }

    /**
     * The path under the server's path ({@code camel.server.path}, where Camel mounts the routes' router), as the routes'
     * paths are written; a path outside it as it is.
     */
    private static String underServerPath(RoutingContext request, String path) {
        String mountPoint = request.mountPoint();
        String root = mountPoint == null || !mountPoint.endsWith("/") ? mountPoint
                      : mountPoint.substring(0, mountPoint.length() - 1);
        return root == null || root.isEmpty() || !path.startsWith(root + "/") ? path : path.substring(root.length());
    }

    /** The path as a lenient server would read it: no path parameters, no repeated slash, no trailing slash. */
    private static String looselyRead(String normalizedPath) {
        String path = REPEATED_SLASHES.matcher(PATH_PARAMETERS.matcher(normalizedPath).replaceAll("")).replaceAll("/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
