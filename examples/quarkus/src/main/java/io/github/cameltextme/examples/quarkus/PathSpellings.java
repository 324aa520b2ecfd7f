package io.github.cameltextme.examples.quarkus;

import java.util.regex.Pattern;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves each endpoint under the exact spelling of its path only: a request that Quarkus would take to an endpoint by
 * another spelling ({@code /otp/send/}, {@code /otp//send}, {@code /otp/./send}, {@code /otp/send;x=1},
 * {@code /otp/%73end}) is 404 {@code {"error": "no such endpoint"}}, as a path nothing serves. A proxy or firewall in
 * front that counts, limits or blocks {@code /otp/send} then sees every request that reaches it, and the three
 * examples agree on what they serve. A query string is no part of the path and changes nothing.
 */
@ApplicationScoped
public class PathSpellings {

    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    /** Refuses another spelling of an endpoint's path, before Quarkus REST and the body's reading. */
    void refuseOtherSpellings(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(PathSpellings::refuseOtherSpelling);
    }

    private static void refuseOtherSpelling(RoutingContext request) {
        if (!EndpointPaths.ALL.contains(underRootPath(request, request.request().path()))
            && EndpointPaths.ALL.contains(looselyRead(underRootPath(request, request.normalizedPath())))) {
            UnroutedRequests.notFound(request);
        } else {
            request.next();
        }
    }

    /**
     * The path under the application's root ({@code quarkus.http.root-path}, where the router is mounted), as the
     * endpoints' paths are written; a path outside the root as it is.
     */
    static String underRootPath(RoutingContext request, String path) {
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
