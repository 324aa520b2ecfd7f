package io.github.cameltextme.otp;

import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the meters add to one send, measured apart from the HTTP call whose noise hides it in {@code SendBenchmark}: the
 * two recordings the producer makes per send, the round trip's time and the outcome {@code sent}, on the meters a
 * started component bound to a Prometheus registry ({@code recordWithMeters}) and on those of a component without a
 * registry ({@code recordWithoutMeters}, which record nowhere). The difference is the meters' cost per send; its share of
 * a send is that cost over the machine time a send takes in {@code SendBenchmark} (cores ÷ its throughput). Two
 * threads, one per core here, so that the counter and the timer are contended as under load.
 * <p>
 * It sits in the component's package to call the recordings the producer calls, which are not public API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class MetersRecordingBenchmark {

    /** A round trip's time, read from a field so that the JIT cannot fold it. */
    private long roundTripNanos = 250_000;
    /** The registry of {@code recordWithMeters}. */
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private CamelContext withRegistry;
    private CamelContext withoutRegistry;
    private TextMeOtpComponent metered;
    private TextMeOtpComponent unmetered;

    @Setup
    public void start() throws Exception {
        withRegistry = new DefaultCamelContext();
        withRegistry.getRegistry().bind("metricsRegistry", registry);
        metered = startedComponent(withRegistry);
        withoutRegistry = new DefaultCamelContext();
        unmetered = startedComponent(withoutRegistry);
        if (metered.meters() == TextMeOtpMeters.NONE || unmetered.meters() != TextMeOtpMeters.NONE) {
            throw new IllegalStateException("the meters were not bound as this benchmark assumes");
        }
    }

    private static TextMeOtpComponent startedComponent(CamelContext context) {
        TextMeOtpComponent component = new TextMeOtpComponent();
        context.addComponent("textme-otp", component);
        context.start();
        return component;
    }

    @TearDown
    public void stop() {
        withRegistry.stop();
        withoutRegistry.stop();
    }

    @Benchmark
    public void recordWithMeters() {
        recordOneSend(metered.meters());
    }

    @Benchmark
    public void recordWithoutMeters() {
        recordOneSend(unmetered.meters());
    }

    /** As the producer records a send that TextMe answered. */
    private void recordOneSend(TextMeOtpMeters meters) {
        meters.roundTrip(TextMeOtpOperation.send, roundTripNanos);
        meters.exchange(TextMeOtpOperation.send, TextMeOtpOutcome.SENT);
    }
}
