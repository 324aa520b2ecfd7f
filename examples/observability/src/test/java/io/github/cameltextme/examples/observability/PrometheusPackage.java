package io.github.cameltextme.examples.observability;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The binaries of Debian's {@code prometheus} package: {@code /usr/bin/prometheus} and {@code /usr/bin/promtool}.
 * Where one is missing, the test asking for it is skipped with a printed reason, unless
 * {@code TEXTME_PROMETHEUS_REQUIRED=true} (set by {@code .ci/run}), which makes it fail instead.
 */
final class PrometheusPackage {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private PrometheusPackage() {
    }

    /** The binary, or a skipped (or, when required, failed) test. */
    static Path require(Path binary) {
        if (!Files.isExecutable(binary)) {
            String missing = binary + " is missing (apt-get install prometheus)";
            if (Boolean.parseBoolean(System.getenv("TEXTME_PROMETHEUS_REQUIRED"))) {
                throw new IllegalStateException("Prometheus test cannot run: " + missing
                                                + ", and the Prometheus tests are required");
            }
            String reason = "Prometheus test skipped: " + missing;
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return binary;
    }
}
