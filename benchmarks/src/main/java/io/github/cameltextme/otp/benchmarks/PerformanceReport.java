package io.github.cameltextme.otp.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.cameltextme.otp.TextMeOtpComponent;
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

    private static final int[] CALLERS = { 1, 16 };
    /** The wait for a free connection short enough, against the 100 ms answers, for the calls past the pool to fail. */
    private static final String SHORT_CONNECT_TIMEOUT_MILLIS = "150";

    private PerformanceReport() {
    }

    public static void main(String[] args) throws RunnerException {
        Instant started = Instant.now();
        List<Map<String, RunResult>> sends = new ArrayList<>();
        for (int callers : CALLERS) {
            sends.add(byMethod(new Runner(options(SendBenchmark.class).threads(callers)
                    .addProfiler(GCProfiler.class).build()).run()));
        }
        List<RunResult> capacity = new ArrayList<>(new Runner(options(CapacityBenchmark.class).build()).run());
        capacity.addAll(new Runner(options(CapacityBenchmark.class)
                .param("maxConnections", "" + TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS)
                .param("connectTimeoutMillis", SHORT_CONNECT_TIMEOUT_MILLIS).build()).run());

        StringBuilder report = new StringBuilder("\n");
        report.append("| callers | textme-otp:send ÷ DIY camel-http route | textme-otp:send ÷ raw HttpClient 5"
                      + " | limits on ÷ off | bytes per send: textme-otp:send / DIY route / raw |\n"
                      + "|---|---|---|---|---|\n");
        for (int i = 0; i < CALLERS.length; i++) {
            Map<String, RunResult> run = sends.get(i);
            report.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s / %s / %s |%n", CALLERS[i],
                    ratio(run, "sendLimitsOff", "diyCamelHttpRoute"), ratio(run, "sendLimitsOff", "rawHttpClient"),
                    ratio(run, "sendLimitsOn", "sendLimitsOff"), kilobytes(allocatedPerCall(run.get("sendLimitsOff"))),
                    kilobytes(allocatedPerCall(run.get("diyCamelHttpRoute"))),
                    kilobytes(allocatedPerCall(run.get("rawHttpClient")))));
        }
        report.append("\n| way | 1 caller, calls/s | allocated per call | 16 callers, calls/s | allocated per call |\n"
                      + "|---|---|---|---|---|\n");
        for (String method : List.of("rawHttpClient", "diyCamelHttpRoute", "sendLimitsOff", "sendLimitsOn",
                                     "validate")) {
            report.append("| ").append(method);
            for (Map<String, RunResult> run : sends) {
                report.append(" | ").append(score(run.get(method).getPrimaryResult()))
                        .append(" | ").append(kilobytes(allocatedPerCall(run.get(method))));
            }
            report.append(" |\n");
        }
        report.append(String.format(Locale.ROOT, "%n| %d callers, answers after %d ms | maxConnections ÷ latency"
                                                 + " | answered/s | failed unsent/s |%n|---|---|---|---|%n",
                                    CapacityBenchmark.CALLERS, CapacityBenchmark.LATENCY_MILLIS));
        for (RunResult result : capacity) {
            int maxConnections = Integer.parseInt(result.getParams().getParam("maxConnections"));
            double answered = result.getSecondaryResults().get("answered").getScore();
            double failedUnsent = result.getSecondaryResults().get("failedUnsent").getScore();
            double callsPerSecond = result.getPrimaryResult().getScore();
            report.append(String.format(Locale.ROOT, "| maxConnections %d, connectTimeout %s ms | %d | %,.0f | %,.0f |%n",
                    maxConnections, result.getParams().getParam("connectTimeoutMillis"),
                    maxConnections * 1000 / CapacityBenchmark.LATENCY_MILLIS,
                    callsPerSecond * answered / (answered + failedUnsent),
                    callsPerSecond * failedUnsent / (answered + failedUnsent)));
        }
        report.append(String.format(Locale.ROOT, "%n%d cores, %s %s, %s, %s; the run took %d s.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), LocalDate.now(),
                Duration.between(started, Instant.now()).toSeconds()));
        System.out.println(report);
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

    private static double allocatedPerCall(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(entry -> entry.getValue().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no gc.alloc.rate.norm for " + result.getParams()));
    }

    private static String kilobytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1000);
    }
}
