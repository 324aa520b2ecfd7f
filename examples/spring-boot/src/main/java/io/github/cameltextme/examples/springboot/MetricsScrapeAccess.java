package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only the metrics scraper read {@code /actuator/prometheus}, and any other Actuator endpoint but health: a request
 * must carry {@code Authorization: Bearer <textme.metrics.scrape-token>}, else it is answered 401. With no token
 * configured, no one reads them. The endpoints' paths are Actuator's own ({@link PathMappedEndpoints}), so a moved base
 * path, an endpoint mapped to another path or another endpoint exposed stays guarded; a path is matched as the servlet
 * container resolved it, so {@code /actuator;x=1/prometheus} and {@code /actuator/%70rometheus} are guarded too.
 * <p>
 * It guards every port Actuator is served on: the component scan makes it a filter of the application's port, and
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports}
 * names it, so that Spring Boot makes it a filter of the management server's own context too when
 * {@code management.server.port} gives Actuator a port of its own.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
public class MetricsScrapeAccess extends OncePerRequestFilter {

    private static final EndpointId HEALTH = EndpointId.of("health");

    private final byte[] expectedAuthorization;
    private final ObjectProvider<PathMappedEndpoints> endpoints;
    /** The paths of the exposed endpoints but health, read from Actuator at the first request. */
    private volatile List<String> guardedPaths;

    public MetricsScrapeAccess(@Value("${textme.metrics.scrape-token:}") String scrapeToken,
                               ObjectProvider<PathMappedEndpoints> endpoints) {
        this.expectedAuthorization = scrapeToken.isBlank()
                ? null : ("Bearer " + scrapeToken).getBytes(StandardCharsets.UTF_8);
        this.endpoints = endpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isGuarded(request) && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A path, decoded and without path parameters, of an exposed Actuator endpoint other than health, or under one. */
    private boolean isGuarded(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String guarded : guardedPaths()) {
            if (path.equals(guarded) || path.startsWith(guarded + "/")) {
                return true;
            }
        }
        return false;
    }

    private List<String> guardedPaths() {
        List<String> paths = guardedPaths;
        if (paths == null) {
            PathMappedEndpoints actuator = endpoints.getIfAvailable();
            paths = actuator == null ? List.of() : actuator.getAllPaths().stream()
                    .filter(path -> !path.equals(actuator.getPath(HEALTH))).toList();
            guardedPaths = paths;
        }
        return paths;
    }

    private boolean authorized(String authorization) {
        return expectedAuthorization != null && authorization != null
               && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }
}
