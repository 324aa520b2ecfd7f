package io.github.cameltextme.examples.quarkus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets only the metrics scraper read {@code /q/metrics}: a request must carry
 * {@code Authorization: Bearer <textme.metrics.scrape-token>}, else it is answered 401. With no token configured, no
 * one reads it. The path is matched once Vert.x has decoded and normalized it.
 */
@ApplicationScoped
public class MetricsScrapeAccess {

    private final byte[] expectedAuthorization;

    MetricsScrapeAccess(@ConfigProperty(name = "textme.metrics.scrape-token") Optional<String> scrapeToken) {
        this.expectedAuthorization = scrapeToken.filter(token -> !token.isBlank())
                .map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Runs before every other route of the HTTP server, Quarkus's own /q routes included. */
    void guard(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext request) {
        String path = request.normalizedPath();
        if (path.startsWith("/q") && path.contains("metrics") && !authorized(request.request().getHeader("Authorization"))) {
            request.response().putHeader("WWW-Authenticate", "Bearer").setStatusCode(401).end();
            return;
        }
        request.next();
    }

    private boolean authorized(String authorization) {
        return expectedAuthorization != null && authorization != null
               && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }
}
