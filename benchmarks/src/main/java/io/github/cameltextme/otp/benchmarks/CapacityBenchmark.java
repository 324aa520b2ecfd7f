package io.github.cameltextme.otp.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * How many sends a second the connection pool carries when TextMe takes {@value #LATENCY_MILLIS} ms to answer and 64
 * callers send at once: about {@code maxConnections ÷ latency}. A call that finds no free connection waits up to
 * {@code connectTimeout} and then fails unsent; both outcomes are counted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
@Threads(CapacityBenchmark.CALLERS)
public class CapacityBenchmark {

    static final int CALLERS = 64;
    static final int LATENCY_MILLIS = 100;

    @Param({ "" + TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS, "64" })
    public int maxConnections;

    @Param({ "" + TextMeOtpConfiguration.DEFAULT_CONNECT_TIMEOUT_MILLIS })
    public long connectTimeoutMillis;

    private final DistinctPhones phones = new DistinctPhones();
    TextMeLikeServer server;
    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint send;

    /**
     * What became of each caller's sends that ended while JMH measured (not while the 64 callers gather and disperse
     * around an iteration); JMH reports each as a rate.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        /** Sends TextMe answered. */
        public long answered;
        /** Sends that found no free connection within connectTimeout and failed before any byte was sent. */
        public long failedUnsent;

        @Setup(Level.Iteration)
        public void reset() {
            answered = 0;
            failedUnsent = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new TextMeLikeServer(Duration.ofMillis(LATENCY_MILLIS), 2 * CALLERS);
        TextMeOtpComponent component = SendBenchmark.textMeOtp(server.apiUrl());
        component.setMaxConnections(maxConnections);
        component.getConfiguration().setConnectTimeout(connectTimeoutMillis);
        context = new DefaultCamelContext();
        context.addComponent("textme-otp", component);
        context.start();
        template = context.createProducerTemplate();
        send = context.getEndpoint("textme-otp:send?limitsEnabled=false");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
        server.close();
    }

    @Benchmark
    public void send(Outcomes outcomes, Control measuring) {
        boolean answered;
        try {
            template.requestBody(send, phones.next());
            answered = true;
        } catch (CamelExecutionException e) {
            if (!foundNoFreeConnection(e)) {
                throw e;
            }
            answered = false;
        }
        if (measuring.startMeasurement && !measuring.stopMeasurement) {
            if (answered) {
                outcomes.answered++;
            } else {
                outcomes.failedUnsent++;
            }
        }
    }

    /**
     * A send that waited connectTimeout for a pooled connection in vain, and so never left: HttpClient reports the
     * wait's end as a ConnectionRequestTimeoutException, or as the pool's DeadlineTimeoutException under another.
     */
    private static boolean foundNoFreeConnection(CamelExecutionException e) {
        return e.getCause() instanceof TextMeOtpTransportException failure && !failure.mayHaveReachedServer()
               && (ObjectHelper.getException(ConnectionRequestTimeoutException.class, failure) != null
                   || ObjectHelper.getException(DeadlineTimeoutException.class, failure) != null);
    }
}
