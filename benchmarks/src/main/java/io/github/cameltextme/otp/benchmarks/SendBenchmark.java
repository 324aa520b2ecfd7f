package io.github.cameltextme.otp.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
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
 * One OTP send, three ways, against a TextMe-like server on loopback that answers at once: a raw HttpClient 5 POST
 * with a Jackson parse (the floor: a pooled client with what the component also switches off, cookies, redirects and
 * retries, switched off), the camel-http route users write by hand (marshal, Bearer header, camel-http with its
 * defaults, unmarshal, status check), and {@code textme-otp:send}, with the limits off and on (the defaults, in the
 * in-memory store), and with the limits off in a CamelContext that holds a Prometheus registry, where the component
 * counts its meters ({@code sendMeters}, against {@code sendLimitsOff}, which has none); and
 * {@code textme-otp:validate}. The component is called from a route too, {@code direct:} to
 * its endpoint, as a user's route calls it. Every call is for a phone never used before, so that a send with the
 * limits on creates its keys each time, as a sign-up wave would; the in-memory store, which never evicts a count,
 * drops them when their windows have passed, which the limits' {@link IterationClock} makes happen between two
 * iterations.
 * <p>
 * With 16 callers on 2 cores, run it with {@code -jvmArgsPrepend -Xbatch}, as {@link PerformanceReport} does: without
 * foreground compilation the callers starve the JIT's threads and the warm-up takes about half a minute instead of
 * about 10 s; the code measured once warm is the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
public class SendBenchmark {

    static final String USERNAME = "bench";
    static final String TOKEN = "tk-benchmark";
    static final String SOURCE = "Bench";
    private static final String CODE = "123456";
    /** Two keys per phone sent a code: room for the 500,000 sends of a 1 s iteration on a machine 10 times this one. */
    private static final long LIMIT_KEYS = 1_000_000;
    private static final ContentType JSON = ContentType.create("application/json");

    private final DistinctPhones phones = new DistinctPhones();
    private final IterationClock limitsClock = new IterationClock();
    private final ObjectMapper mapper = new ObjectMapper();
    TextMeLikeServer server;
    private URI apiUri;
    private CloseableHttpClient rawClient;
    private Endpoint diyRoute;
    ProducerTemplate template;
    Endpoint sendLimitsOff;
    Endpoint sendLimitsOn;
    Endpoint validate;
    /** The context of sendMeters, with a Prometheus registry as its metricsRegistry. */
    CamelContext meteredContext;
    ProducerTemplate meteredTemplate;
    Endpoint sendMeters;
    private CamelContext context;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = TextMeLikeServer.immediate();
        apiUri = URI.create(server.apiUrl());
        rawClient = HttpClients.custom()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS)
                        .setMaxConnPerRoute(TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS)
                        .build())
                .build();
        context = new DefaultCamelContext();
        TextMeOtpComponent component = textMeOtp(server.apiUrl());
        component.setLimitStore(new InMemoryLimitStore(LIMIT_KEYS, limitsClock));
        context.addComponent("textme-otp", component);
        context.addRoutes(new DiyCamelHttpRoute(server.apiUrl()));
        context.addRoutes(new ComponentRoutes());
        context.start();
        template = context.createProducerTemplate();
        diyRoute = context.getEndpoint("direct:diy-send");
        sendLimitsOff = context.getEndpoint("direct:send-limits-off");
        sendLimitsOn = context.getEndpoint("direct:send-limits-on");
        validate = context.getEndpoint("direct:validate");
        meteredContext = new DefaultCamelContext();
        meteredContext.getRegistry().bind("metricsRegistry", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        meteredContext.addComponent("textme-otp", textMeOtp(server.apiUrl()));
        meteredContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send-meters").to("textme-otp:send?limitsEnabled=false");
            }
        });
        meteredContext.start();
        meteredTemplate = meteredContext.createProducerTemplate();
        sendMeters = meteredContext.getEndpoint("direct:send-meters");
    }

    /** The component as a user configures it, pointed at the loopback server. */
    static TextMeOtpComponent textMeOtp(String apiUrl) {
        TextMeOtpComponent component = new TextMeOtpComponent();
        TextMeOtpConfiguration configuration = component.getConfiguration();
        configuration.setUsername(USERNAME);
        configuration.setApiToken(TOKEN);
        configuration.setSource(SOURCE);
        configuration.setBaseUrl(apiUrl);
        return component;
    }

    @Setup(Level.Iteration)
    public void windowsPass() {
        limitsClock.nextIteration();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        meteredContext.stop();
        context.stop();
        rawClient.close();
        server.close();
    }

    @Benchmark
    public JsonNode rawHttpClient() throws IOException {
        HttpPost post = new HttpPost(apiUri);
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
        post.setHeader(HttpHeaders.ACCEPT, JSON.getMimeType());
        post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(sendOtp(phones.next())), JSON));
        JsonNode answer = rawClient.execute(post, response -> mapper.readTree(response.getEntity().getContent()));
        DiyCamelHttpRoute.checkStatus(answer.path("status").asInt(-1));
        return answer;
    }

    @Benchmark
    public Object diyCamelHttpRoute() {
        return template.requestBody(diyRoute, phones.next());
    }

    @Benchmark
    public Object sendLimitsOff() {
        return template.requestBody(sendLimitsOff, phones.next());
    }

    @Benchmark
    public Object sendMeters() {
        return meteredTemplate.requestBody(sendMeters, phones.next());
    }

    @Benchmark
    public Object sendLimitsOn() {
        return template.requestBody(sendLimitsOn, phones.next());
    }

    @Benchmark
    public Object validate() {
        return template.requestBodyAndHeader(validate, CODE, TextMeOtpConstants.PHONE, phones.next());
    }

    /** The body TextMe's {@code send_otp} takes, as the hand-written routes build it. */
    static Map<String, Object> sendOtp(String phone) {
        return Map.of("send_otp", Map.of("user", Map.of("username", USERNAME), "phone", phone, "source", SOURCE,
                                         "app_id", 1, "max_tries", 3, "valid_time", 5));
    }

    /** The routes a Camel user writes with this component. */
    static final class ComponentRoutes extends RouteBuilder {

        @Override
        public void configure() {
            from("direct:send-limits-off").to("textme-otp:send?limitsEnabled=false");
            from("direct:send-limits-on").to("textme-otp:send");
            from("direct:validate").to("textme-otp:validate");
        }
    }

    /** The route a Camel user writes today to send an OTP through TextMe without this component. */
    static final class DiyCamelHttpRoute extends RouteBuilder {

        private final String apiUrl;

        DiyCamelHttpRoute(String apiUrl) {
            this.apiUrl = apiUrl;
        }

        @Override
        public void configure() {
            from("direct:diy-send")
                    .process(exchange -> exchange.getMessage().setBody(sendOtp(exchange.getMessage().getBody(String.class))))
                    .marshal().json()
                    .setHeader(HttpHeaders.AUTHORIZATION, constant("Bearer " + TOKEN))
                    .setHeader(Exchange.CONTENT_TYPE, constant(JSON.getMimeType()))
                    .to(apiUrl)
                    .unmarshal().json()
                    .process(exchange -> checkStatus(exchange.getMessage().getBody(Map.class).get("status")));
        }

        static void checkStatus(Object status) {
            if (!Integer.valueOf(0).equals(status)) {
                throw new IllegalStateException("TextMe answered status " + status);
            }
        }
    }
}
