package io.github.cameltextme.otp.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code textme-otp:send} with the limits on (the defaults, counted in the in-memory store, a phone never sent to
 * before on every call, so that each send creates its buckets) and off, in one run against a TextMe-like server on
 * loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SendLimitsBenchmark {

    /** National numbers 500000000 to 599999999: a distinct phone for each of 100 million sends. */
    private static final int FIRST_PHONE = 500_000_000;

    private final AtomicInteger nextPhone = new AtomicInteger();
    private TextMeLikeServer server;
    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint limitsOn;
    private Endpoint limitsOff;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new TextMeLikeServer();
        TextMeOtpComponent component = new TextMeOtpComponent();
        TextMeOtpConfiguration configuration = component.getConfiguration();
        configuration.setUsername("bench");
        configuration.setApiToken("tk-benchmark");
        configuration.setSource("Bench");
        configuration.setBaseUrl(server.apiUrl());
        context = new DefaultCamelContext();
        context.addComponent("textme-otp", component);
        context.start();
        template = context.createProducerTemplate();
        limitsOn = context.getEndpoint("textme-otp:send");
        limitsOff = context.getEndpoint("textme-otp:send?limitsEnabled=false");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
        server.close();
    }

    @Benchmark
    public Object sendLimitsOn() {
        return template.requestBody(limitsOn, nextPhone());
    }

    @Benchmark
    public Object sendLimitsOff() {
        return template.requestBody(limitsOff, nextPhone());
    }

    private String nextPhone() {
        return "0" + (FIRST_PHONE + Math.floorMod(nextPhone.getAndIncrement(), 100_000_000));
    }
}
