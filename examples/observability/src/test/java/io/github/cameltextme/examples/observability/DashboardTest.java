package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard imports anywhere: every panel has a unique id, reads the Prometheus chosen in its
 * {@code datasource} variable, and queries the component's meters only. That those meters exist is
 * {@link SpringBootExampleScrapeTest}'s to prove.
 */
class DashboardTest {

    private static final String DATASOURCE = "${datasource}";

    @Test
    void everyPanelReadsTheChosenPrometheus() throws IOException {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : DashboardFile.panels()) {
            String title = panel.path("title").asText();
            assertTrue(ids.add(panel.path("id").asInt()), "panel id used twice: " + title);
            assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title);
            assertFalse(panel.path("targets").isEmpty(), title + " has no query");
            for (JsonNode target : panel.path("targets")) {
                assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), title);
            }
        }
    }

    @Test
    void everyQueryNamesTheComponentsMetersOnly() throws IOException {
        for (String query : DashboardFile.queries()) {
            Set<String> names = PromQlMetricNames.in(query);
            assertFalse(names.isEmpty(), "no metric in " + query);
            assertTrue(names.stream().allMatch(name -> name.startsWith("textme_otp_")), query + " names " + names);
        }
    }
}
