package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The example's Grafana dashboard: its panels, those inside collapsed rows included, and their queries. */
final class DashboardFile {

    static final Path DASHBOARD = Path.of("grafana", "textme-otp-dashboard.json");

    private DashboardFile() {
    }

    /** Every panel, rows' nested panels included. */
    static List<JsonNode> panels() throws IOException {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The PromQL expression of every query of every panel. */
    static List<String> queries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
        return queries;
    }
}
