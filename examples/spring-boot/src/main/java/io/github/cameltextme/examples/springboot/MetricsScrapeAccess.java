package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only the metrics scraper read {@code /actuator/prometheus}: a request must carry
 * {@code Authorization: Bearer <textme.metrics.scrape-token>}, else it is answered 401. With no token configured, no
 * one reads it. The path is matched as the servlet container resolved it, so {@code /actuator;x=1/prometheus} and
 * {@code /actuator/%70rometheus} are guarded too.
 * <p>
 * It guards every port Actuator is served on: the component scan makes it a filter of the application's port, and
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports}
 * names it, so that Spring Boot makes it a filter of the management server's own context too when
 * {@code management.server.port} gives Actuator a port of its own.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
public class MetricsScrapeAccess extends OncePerRequestFilter {

    private static final String PROMETHEUS = "prometheus";

    private final byte[] expectedAuthorization;

    public MetricsScrapeAccess(@Value("${textme.metrics.scrape-token:}") String scrapeToken) {
        this.expectedAuthorization = scrapeToken.isBlank()
                ? null : ("Bearer " + scrapeToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMetrics(request) && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Any path that names the Prometheus endpoint, decoded and without path parameters, wherever the actuator's base
     * path is: a moved endpoint stays guarded.
     */
    private static boolean isMetrics(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.contains(PROMETHEUS);
    }

    private boolean authorized(String authorization) {
        return expectedAuthorization != null && authorization != null
               && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }
}
