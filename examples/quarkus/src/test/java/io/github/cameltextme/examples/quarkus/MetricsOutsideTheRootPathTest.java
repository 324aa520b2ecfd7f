package io.github.cameltextme.examples.quarkus;

import java.util.Optional;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Quarkus fixes its root and non-application root paths when the application is built, so a build that would serve
 * the metrics outside the root path, where the scrape guard does not see them, stops the start with one sentence; the
 * paths under the root, the default ones included, start.
 */
class MetricsOutsideTheRootPathTest {

    @Test
    void aNonApplicationRootOutsideAMovedRootPathStopsTheStart() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new MetricsScrapeAccess(Optional.of("s3cret"), "metrics", "/app", "/q", "q"));

        assertEquals("The metrics would be served at /q/metrics, outside quarkus.http.root-path /app, where the scrape"
                     + " guard does not see them: keep quarkus.http.non-application-root-path under it.",
                     refused.getMessage());
    }

    @Test
    void pathsUnderTheRootPathStart() {
        assertDoesNotThrow(() -> new MetricsScrapeAccess(Optional.empty(), "metrics", "/", "q", "q"));
        assertDoesNotThrow(() -> new MetricsScrapeAccess(Optional.empty(), "metrics", "/app", "q", "q"));
        assertDoesNotThrow(() -> new MetricsScrapeAccess(Optional.empty(), "metrics", "/app", "/app/manage", "q"));
    }
}
