package io.github.cameltextme.otp.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Performance section gives the command that runs the report and the tables it prints, with their
 * columns as the report names them, the machine and the date, and the iterations the benchmarks run.
 */
class ReadmePerformanceSectionTest {

    @Test
    void theReadmeGivesTheCommandAndTheTablesTheReportPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## Performance\n");
        assertTrue(start >= 0, "the README has a Performance section");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        String prose = section.replaceAll("\\s+", " ");

        assertTrue(section.contains("```shell\n" + PerformanceReport.COMMAND + "\n```"), "the command that runs it");
        for (String head : new String[] { PerformanceReport.RATIO_TABLE_HEAD, PerformanceReport.FIGURE_TABLE_HEAD,
                                          PerformanceReport.METERS_TABLE_HEAD }) {
            assertTrue(section.contains(head), "the table headed " + head.lines().findFirst().orElseThrow());
        }
        String capacityHead = PerformanceReport.CAPACITY_TABLE_HEAD.lines().findFirst().orElseThrow();
        assertTrue(section.contains(capacityHead), "the capacity table");
        assertTrue(prose.contains("Ratios, not absolute numbers, are the claim"), "what is claimed");
        assertTrue(section.matches("(?s).*\\d+ cores of .*, OpenJDK .*, \\d{4}-\\d{2}-\\d{2}.*"), "the machine and date");
    }

    @Test
    void theReadmeSaysHowManyIterationsTheBenchmarksRun() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
        Warmup sendWarmup = SendBenchmark.class.getAnnotation(Warmup.class);
        Measurement sendMeasurement = SendBenchmark.class.getAnnotation(Measurement.class);
        Warmup capacityWarmup = CapacityBenchmark.class.getAnnotation(Warmup.class);
        Measurement capacityMeasurement = CapacityBenchmark.class.getAnnotation(Measurement.class);

        String sends = sendMeasurement.iterations() + " measured iterations of " + sendMeasurement.time() + " s after "
                       + sendWarmup.iterations() + " of warm-up";
        assertTrue(readme.contains(sends), "the README says: " + sends);
        String capacity = "take " + capacityWarmup.iterations() + " warm-up and " + capacityMeasurement.iterations()
                          + " measured iterations";
        assertTrue(readme.contains(capacity), "the README says: " + capacity);
    }
}
