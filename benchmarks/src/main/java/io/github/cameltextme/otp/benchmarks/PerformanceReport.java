package io.github.cameltextme.otp.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark of this module in one go (the send benchmarks with 1 and 16 callers and JMH's GC profiler, then
 * the capacity benchmark) and prints the README's Performance tables: ratios measured in this one run, with the
 * absolute figures they come from, the machine and the date.
 */
public final class PerformanceReport {

    /** The command that builds and runs the report, as the README gives it. */
    static final String COMMAND
            = "mvn -B -q package -DskipTests -pl benchmarks -am && java -jar benchmarks/target/benchmarks.jar";
    static final String RATIO_TABLE_HEAD = "| callers | textme-otp:send ÷ DIY camel-http route"
            + " | textme-otp:send ÷ raw HttpClient 5 | limits on ÷ off"
            + " | bytes per send: textme-otp:send / DIY route / raw |\n|---|---|---|---|---|\n";
    static final String METERS_TABLE_HEAD = "| callers | textme-otp:send with a Prometheus registry ÷ without"
            + " | bytes per send: with / without |\n|---|---|---|\n";
    static final String FIGURE_TABLE_HEAD = "| way | 1 caller, calls/s | allocated per call"
            + " | 16 callers, calls/s | allocated per call |\n|---|---|---|---|---|\n";
    static final String CAPACITY_TABLE_HEAD = "| " + CapacityBenchmark.CALLERS + " callers, answers after "
            + CapacityBenchmark.LATENCY_MILLIS + " ms | maxConnections ÷ latency | answered/s | failed unsent/s |\n"
            + "|---|---|---|---|\n";

    private static final int[] CALLERS = { 1, 16 };
    /** The wait for a free connection short enough, against the 100 ms answers, for the calls past the pool to fail. */
    private static final String SHORT_CONNECT_TIMEOUT_MILLIS = "150";

    private PerformanceReport() {
    }

    /** Runs the benchmarks and prints the tables; takes no arguments. */
    public static void main(String[] args) throws RunnerException {
        Instant started = Instant.now();
        List<Map<String, RunResult>> sends = new ArrayList<>();
        for (int callers : CALLERS) {
            ChainedOptionsBuilder options = options(SendBenchmark.class).threads(callers).addProfiler(GCProfiler.class);
            if (callers > 1) {
                // compiling in the foreground: 16 callers on 2 cores would starve the JIT's threads for half a minute
                options.jvmArgsPrepend("-Xbatch");
            }
            sends.add(byMethod(new Runner(options.build()).run()));
        }
        List<RunResult> capacity = new ArrayList<>(new Runner(options(CapacityBenchmark.class).build()).run());
        capacity.addAll(new Runner(options(CapacityBenchmark.class)
                .param("maxConnections", "" + TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS)
                .param("connectTimeoutMillis", SHORT_CONNECT_TIMEOUT_MILLIS).build()).run());

        System.out.println("\n" + ratioTable(sends) + "\n" + figureTable(sends) + "\n" + metersTable(sends) + "\n"
                           + capacityTable(capacity) + "\n" + machine(Duration.between(started, Instant.now())));
    }

    private static String ratioTable(List<Map<String, RunResult>> sends) {
        StringBuilder table = new StringBuilder(RATIO_TABLE_HEAD);
        for (int i = 0; i < CALLERS.length; i++) {
            Map<String, RunResult> run = sends.get(i);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s / %s / %s |%n", CALLERS[i],
                    ratio(run, "sendLimitsOff", "diyCamelHttpRoute"), ratio(run, "sendLimitsOff", "rawHttpClient"),
                    ratio(run, "sendLimitsOn", "sendLimitsOff"),
                    kilobytes(allocatedPerCall(run.get("sendLimitsOff")).getScore()),
                    kilobytes(allocatedPerCall(run.get("diyCamelHttpRoute")).getScore()),
                    kilobytes(allocatedPerCall(run.get("rawHttpClient")).getScore())));
        }
        return table.toString();
    }

    /** What the meters cost: a send with the limits off, with the component's meters in a Prometheus registry and without. */
    private static String metersTable(List<Map<String, RunResult>> sends) {
        StringBuilder table = new StringBuilder(METERS_TABLE_HEAD);
        for (int i = 0; i < CALLERS.length; i++) {
            Map<String, RunResult> run = sends.get(i);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s / %s |%n", CALLERS[i],
                    ratio(run, "sendMeters", "sendLimitsOff"),
                    kilobytes(allocatedPerCall(run.get("sendMeters")).getScore()),
                    kilobytes(allocatedPerCall(run.get("sendLimitsOff")).getScore())));
        }
        return table.toString();
    }

    private static String figureTable(List<Map<String, RunResult>> sends) {
        StringBuilder table = new StringBuilder(FIGURE_TABLE_HEAD);
        for (String method : List.of("rawHttpClient", "diyCamelHttpRoute", "sendLimitsOff", "sendMeters",
                                     "sendLimitsOn", "validate")) {
            table.append("| ").append(method);
            for (Map<String, RunResult> run : sends) {
                Result<?> allocated = allocatedPerCall(run.get(method));
                table.append(" | ").append(score(run.get(method).getPrimaryResult()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f ± %.1f KB",
                                allocated.getScore() / 1000, allocated.getScoreError() / 1000));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    private static String capacityTable(List<RunResult> capacity) {
        StringBuilder table = new StringBuilder(CAPACITY_TABLE_HEAD);
        for (RunResult result : capacity) {
            int maxConnections = Integer.parseInt(result.getParams().getParam("maxConnections"));
            long connectTimeout = Long.parseLong(result.getParams().getParam("connectTimeoutMillis"));
            table.append(String.format(Locale.ROOT, "| maxConnections %d%s, connectTimeout %d ms%s | %d | %s | %s |%n",
                    maxConnections, maxConnections == TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS ? " (the default)" : "",
                    connectTimeout,
                    connectTimeout == TextMeOtpConfiguration.DEFAULT_CONNECT_TIMEOUT_MILLIS ? " (the default)" : "",
                    maxConnections * 1000 / CapacityBenchmark.LATENCY_MILLIS,
                    score(result.getSecondaryResults().get("answered")),
                    score(result.getSecondaryResults().get("failedUnsent"))));
        }
        return table.toString();
    }

    private static String machine(Duration took) {
        return String.format(Locale.ROOT, "%d cores%s, %s %s, %s, %s; the run took %d s.%n",
                Runtime.getRuntime().availableProcessors(), processorModel(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), LocalDate.now(), took.toSeconds());
    }

    /** The processor's model as Linux names it, or nothing elsewhere. */
    private static String processorModel() {
        try (Stream<String> cpuInfo = Files.lines(Path.of("/proc/cpuinfo"))) {
            return cpuInfo.filter(line -> line.startsWith("model name"))
                    .map(line -> " of " + line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder().include("\\." + benchmark.getSimpleName() + "\\.");
    }

    private static Map<String, RunResult> byMethod(Collection<RunResult> results) {
        Map<String, RunResult> byMethod = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
        }
        return byMethod;
    }

    /** The ratio of two throughputs, with its error from both 99.9 % intervals. */
    private static String ratio(Map<String, RunResult> run, String numerator, String denominator) {
        Result<?> a = run.get(numerator).getPrimaryResult();
        Result<?> b = run.get(denominator).getPrimaryResult();
        double ratio = a.getScore() / b.getScore();
        double relativeError = Math.hypot(a.getScoreError() / a.getScore(), b.getScoreError() / b.getScore());
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio, ratio * relativeError);
    }

    private static String score(Result<?> result) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), result.getScoreError());
    }

    /** JMH's GC profiler's bytes per call: allocated by every thread of the JVM, the in-process server's included. */
    private static Result<?> allocatedPerCall(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .<Result<?>>map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no gc.alloc.rate.norm for " + result.getParams()));
    }

    private static String kilobytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1000);
    }
}
