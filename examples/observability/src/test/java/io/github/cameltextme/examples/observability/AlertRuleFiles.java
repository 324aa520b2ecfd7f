package io.github.cameltextme.examples.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The example's Prometheus files: the alert rules and their promtool unit tests, as files and as parsed YAML. */
final class AlertRuleFiles {

    static final Path RULES = Path.of("prometheus", "textme-otp-alerts.yml");
    static final Path RULE_TESTS = Path.of("prometheus", "textme-otp-alerts-test.yml");

    private AlertRuleFiles() {
    }

    /** Every alerting rule of every group of the rule file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertingRules() throws IOException {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) read(RULES).get("groups");
        return groups.stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .filter(rule -> rule.containsKey("alert"))
                .toList();
    }

    /** Every {@code alert_rule_test} case of every unit test: alertname, eval_time and exp_alerts. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertTestCases() throws IOException {
        List<Map<String, Object>> tests = (List<Map<String, Object>>) read(RULE_TESTS).get("tests");
        return tests.stream()
                .flatMap(test -> ((List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())).stream())
                .toList();
    }

    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
