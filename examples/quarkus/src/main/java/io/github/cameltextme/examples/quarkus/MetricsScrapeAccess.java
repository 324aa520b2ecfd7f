package io.github.cameltextme.examples.quarkus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets only the metrics scraper read Quarkus's Prometheus endpoint, {@code /q/metrics} by default: a request must
 * carry {@code Authorization: Bearer <textme.metrics.scrape-token>}, else it is answered 401. With no token
 * configured, no one reads it. It guards the endpoint where Quarkus serves it: at the path Quarkus resolves from
 * {@code quarkus.micrometer.export.prometheus.path}, {@code quarkus.http.non-application-root-path} and
 * {@code quarkus.http.root-path} on the application's port, and under {@code quarkus.management.root-path} on the
 * management interface ({@code quarkus.management.enabled}). The path is matched once Vert.x has decoded and
 * normalized it.
 * <p>
 * On the application's port it sees the paths under {@code quarkus.http.root-path} only, so a configuration that
 * serves the endpoint outside a moved root path (root {@code /app}, non-application root {@code /q}) stops the start.
 */
@ApplicationScoped
public class MetricsScrapeAccess {

    private final byte[] expectedAuthorization;
    private final String applicationMetricsPath;
    private final String managementMetricsPath;

    MetricsScrapeAccess(@ConfigProperty(name = "textme.metrics.scrape-token") Optional<String> scrapeToken,
                        @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path") String metricsPath,
                        @ConfigProperty(name = "quarkus.http.root-path") String httpRootPath,
                        @ConfigProperty(name = "quarkus.http.non-application-root-path") String nonApplicationRootPath,
                        @ConfigProperty(name = "quarkus.management.root-path") String managementRootPath) {
        this.expectedAuthorization = scrapeToken.filter(token -> !token.isBlank())
                .map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8)).orElse(null);
        String root = resolve("", httpRootPath);
        this.applicationMetricsPath = resolve(resolve(root, nonApplicationRootPath), metricsPath);
        if (!root.isEmpty() && !applicationMetricsPath.startsWith(root + "/")) {
            throw new ConfigurationException("The metrics would be served at " + applicationMetricsPath + ", outside"
                                             + " quarkus.http.root-path " + root + ", where the scrape guard does not"
                                             + " see them: keep quarkus.http.non-application-root-path under it.");
        }
        this.managementMetricsPath = resolve(resolve("", managementRootPath), metricsPath);
    }

    /** Runs before every other route of the application's HTTP server, Quarkus's own routes included. */
    void guardApplicationRoutes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(request -> check(request, applicationMetricsPath));
    }

    /** Runs before every other route of the management interface, when it is enabled. */
    void guardManagementInterface(@Observes ManagementInterface managementInterface) {
        managementInterface.router().route().order(Integer.MIN_VALUE)
                .handler(request -> check(request, managementMetricsPath));
    }

    private void check(RoutingContext request, String metricsPath) {
        String path = request.normalizedPath();
        boolean metrics = path.equals(metricsPath) || path.startsWith(metricsPath + "/");
        if (metrics && !authorized(request.request().getHeader("Authorization"))) {
            request.response().putHeader("WWW-Authenticate", "Bearer").setStatusCode(401).end();
            return;
        }
        request.next();
    }

    private boolean authorized(String authorization) {
        return expectedAuthorization != null && authorization != null
               && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The path resolved against the base as Quarkus resolves its configured paths (relative to the base, or as it is
     * when it starts with {@code /}), without a trailing slash; the base is one such path, {@code ""} for the root.
     */
    private static String resolve(String base, String path) {
        String resolved = URI.create(base + "/").resolve(path).getPath();
        return resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved;
    }
}
