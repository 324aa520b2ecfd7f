package io.github.cameltextme.otp.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Performance section gives the command that runs the report and the tables it prints, with their
 * columns as the report names them, the machine and the date.
 */
class ReadmePerformanceSectionTest {

    @Test
    void theReadmeGivesTheCommandAndTheTablesTheReportPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## Performance\n");
        assertTrue(start >= 0, "the README has a Performance section");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));

        assertTrue(section.contains("```shell\n" + PerformanceReport.COMMAND + "\n```"), "the command that runs it");
        for (String head : new String[] { PerformanceReport.RATIO_TABLE_HEAD, PerformanceReport.FIGURE_TABLE_HEAD }) {
            assertTrue(section.contains(head), "the table headed " + head.lines().findFirst().orElseThrow());
        }
        String capacityHead = PerformanceReport.CAPACITY_TABLE_HEAD.lines().findFirst().orElseThrow();
        assertTrue(section.contains(capacityHead), "the capacity table");
        assertTrue(section.contains("Ratios, not absolute numbers, are the\nclaim"), "what is claimed");
        assertTrue(section.matches("(?s).*\\d+ cores of .*, OpenJDK .*, \\d{4}-\\d{2}-\\d{2}.*"), "the machine and date");
    }
}
