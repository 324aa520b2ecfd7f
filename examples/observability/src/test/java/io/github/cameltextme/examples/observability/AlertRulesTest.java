package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules pass Debian's {@code promtool}: {@code check rules} accepts them, and {@code test rules} runs their
 * unit tests on synthetic series, where every alert is expected both firing and not firing.
 */
class AlertRulesTest {

    private static final long PROMTOOL_TIMEOUT_SECONDS = 60;
    private static final Set<String> SEVERITIES = Set.of("page", "ticket");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        String output = promtool("check", "rules", AlertRuleFiles.RULES.toString());

        assertTrue(output.contains("SUCCESS: " + AlertRuleFiles.alertingRules().size() + " rules found"), output);
    }

    @Test
    void theRulesPassTheirPromtoolUnitTests() throws Exception {
        String output = promtool("test", "rules", AlertRuleFiles.RULE_TESTS.toString());

        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void everyAlertIsUnitTestedFiringAndNotFiring() throws IOException {
        Set<String> firing = new TreeSet<>();
        Set<String> notFiring = new TreeSet<>();
        for (Map<String, Object> testCase : AlertRuleFiles.alertTestCases()) {
            List<?> expected = (List<?>) testCase.getOrDefault("exp_alerts", List.of());
            (expected.isEmpty() ? notFiring : firing).add((String) testCase.get("alertname"));
        }
        for (Map<String, Object> rule : AlertRuleFiles.alertingRules()) {
            String name = (String) rule.get("alert");
            assertTrue(firing.contains(name), name + " has no unit test where it fires");
            assertTrue(notFiring.contains(name), name + " has no unit test where it does not fire");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityASummaryAndWhatToDo() throws IOException {
        List<Map<String, Object>> rules = AlertRuleFiles.alertingRules();
        assertFalse(rules.isEmpty(), "no alerting rule in " + AlertRuleFiles.RULES);
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            Map<String, String> labels = (Map<String, String>) rule.getOrDefault("labels", Map.of());
            Map<String, String> annotations = (Map<String, String>) rule.getOrDefault("annotations", Map.of());
            assertTrue(SEVERITIES.contains(labels.get("severity")), name + ": severity is not one of " + SEVERITIES);
            assertFalse(annotations.getOrDefault("summary", "").isBlank(), name + " has no summary");
            assertFalse(annotations.getOrDefault("description", "").isBlank(), name + " does not say what to do");
        }
    }

    /** Runs promtool in this module's directory and returns its output; fails when it exits with another status than 0. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PrometheusPackage.require(PrometheusPackage.PROMTOOL).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(PROMTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS), "promtool did not end:\n" + output);
        assertEquals(0, process.exitValue(), "promtool " + String.join(" ", arguments) + ":\n" + output);
        return output;
    }
}
