package io.github.cameltextme.otp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's Micrometer meters, bound to the registry the CamelContext holds as {@code metricsRegistry} (as Camel
 * Main's {@code camel.metrics} binds it), read through Micrometer and as Prometheus scrapes them.
 */
class TextMeOtpMetersTest extends TextMeOtpTestSupport {

    private static final String CLIENT_KEY = "client-198.51.100.23";
    private static final String SENT = "{\"status\":0,\"message\":\"sent\"}";

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(TextMeOtpMicrometerMeters.CAMEL_METRICS_REGISTRY, prometheus);
        return context;
    }

    @Test
    void everyOutcomeIsCountedUnderItsOperationOutcomeLimitAndStatus() {
        everyOutcome();

        assertEquals(3, exchanges("send", "sent", "none", "none"), "the first of each limited endpoint");
        assertEquals(2, exchanges("send", "bad_input", "none", "none"), "a malformed phone, a Map body with a text");
        assertEquals(1, exchanges("send", "api_error", "none", "4"));
        assertEquals(1, exchanges("send", "api_error", "none", "other"), "status 777, which TextMe does not document");
        assertEquals(1, exchanges("send", "transport_error", "none", "none"));
        assertEquals(1, exchanges("send", "refused", "resend_interval", "none"));
        assertEquals(1, exchanges("send", "refused", "client_sends", "none"));
        assertEquals(1, exchanges("send", "refused", "account_sends", "none"));
        assertEquals(1, exchanges("validate", "valid", "none", "none"));
        assertEquals(3, exchanges("validate", "invalid", "none", "none"), "one of them thrown (throwOnInvalidCode)");
        assertEquals(1, exchanges("validate", "api_error", "none", "3"));
        assertEquals(1, exchanges("validate", "bad_input", "none", "none"));
        assertEquals(1, exchanges("validate", "refused", "client_validations", "none"));
        assertEquals(1, exchanges("validate", "refused", "failed_validations", "none"));
        assertEquals(0, exchanges("validate", "store_error", "none", "none"));
        assertEquals(1, exchanges("send", "unexpected_error", "none", "none"), "a phone that fails when read");
        assertEquals(1, exchanges("validate", "unexpected_error", "none", "none"), "a phone that fails when read");
        assertEquals("{4=1, other=1}", jmx("textme-otp:send?limitsEnabled=false").getApiErrorsByStatus(),
                     "the JMX counts, bounded as the status tag");
    }

    @Test
    void theJmxCountOfApiErrorsPerStatusIsBoundedLikeTheStatusTag() {
        for (int status = 700; status < 760; status++) {
            stubSend("0520000" + status, okJson("{\"status\":" + status + ",\"message\":\"broken\"}"));
            exchange("textme-otp:send?limitsEnabled=false", "0520000" + status, Map.of());
        }

        assertEquals("{other=60}", jmx("textme-otp:send?limitsEnabled=false").getApiErrorsByStatus());
        assertEquals(60, exchanges("send", "api_error", "none", "other"));
    }

    @Test
    void noTagValueHoldsAPhoneACodeAClientKeyOrTheTokenAndEverySeriesHasItsFourTags() {
        everyOutcome();

        Set<String> operations = Set.of("send", "validate", "balance");
        Set<String> outcomes = Set.of("sent", "valid", "invalid", "refused", "bad_input", "api_error",
                                      "transport_error", "store_error", "unexpected_error");
        Set<String> limits = Set.of("none", "resend_interval", "phone_sends", "client_sends", "account_sends",
                                    "failed_validations", "client_validations");
        Set<String> statuses = Set.of("none", "other", "1", "2", "3", "4", "5", "6", "9", "10", "11", "12", "515",
                                      "989", "990", "991", "992", "993", "994", "995", "996", "997", "998", "999");
        List<Meter> meters = textMeMeters();
        assertFalse(meters.isEmpty());
        for (Meter meter : meters) {
            for (Tag tag : meter.getId().getTags()) {
                Set<String> allowed = switch (tag.getKey()) {
                    case "operation" -> operations;
                    case "outcome" -> outcomes;
                    case "limit" -> limits;
                    case "status" -> statuses;
                    case "component" -> Set.of("textme-otp");
                    case "camelContext" -> Set.of(context.getName());
                    default -> Set.of();
                };
                assertTrue(allowed.contains(tag.getValue()), meter.getId() + ": " + tag);
            }
            if (meter.getId().getName().equals(TextMeOtpMicrometerMeters.EXCHANGES)) {
                assertEquals(Set.of("operation", "outcome", "limit", "status"), tagKeys(meter), meter.getId()::toString);
            }
        }
        String scrape = prometheus.scrape();
        assertFalse(scrape.contains(TOKEN) || scrape.contains(CLIENT_KEY), scrape);
        // in the labels: the values are numbers, which may hold any six digits
        String labels = scrape.lines().filter(line -> line.indexOf('{') > 0)
                .map(line -> line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1))
                .collect(Collectors.joining("\n"));
        for (String secret : List.of(CODE, "111111", "222222", "333333", PHONE, "521234567", "0521000001",
                                     "0521000002", "0521000003", "0521000004", "0521000005")) {
            assertFalse(labels.contains(secret), secret + " in\n" + labels);
        }
    }

    @Test
    void prometheusShowsTheMetersUnderTheNamesOfTheContractWithSixtyTwoExchangeSeriesAtMost() {
        everyOutcome();
        String scrape = prometheus.scrape();

        assertTrue(scrape.contains(
                "textme_otp_exchanges_total{limit=\"none\",operation=\"send\",outcome=\"sent\",status=\"none\"} 3.0"),
                   scrape);
        assertTrue(scrape.contains("textme_otp_exchanges_total{limit=\"client_validations\",operation=\"validate\","
                                   + "outcome=\"refused\",status=\"none\"} 1.0"), scrape);
        assertEquals(62, scrape.lines().filter(line -> line.startsWith("textme_otp_exchanges_total{")).count(),
                     "every series, registered at start, so that a rate over a first event is not lost");
        for (String operation : List.of("send", "validate", "balance")) {
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_count{operation=\"" + operation + "\"}"), scrape);
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_sum{operation=\"" + operation + "\"}"), scrape);
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_max{operation=\"" + operation + "\"}"), scrape);
        }
        assertFalse(scrape.contains("textme_otp_round_trip_seconds_bucket"), "no histogram unless turned on");
        for (String gauge : List.of("textme_otp_connections_leased", "textme_otp_connections_pending",
                                    "textme_otp_connections_available", "textme_otp_readiness",
                                    "textme_otp_limit_store_down")) {
            assertTrue(scrape.contains(gauge + "{camelContext=\"" + context.getName() + "\",component=\"textme-otp\"}"),
                       gauge + " in\n" + scrape);
        }
        assertEquals(62 + 3 + 5, textMeMeters().size(), "exchanges, round trips, gauges");
    }

    @Test
    void theJmxCountsAndTheMetersAgreeOnEveryOutcome() {
        everyOutcome();

        for (TextMeOtpOperation operation : TextMeOtpOperation.values()) {
            List<TextMeOtpEndpoint> endpoints = context.getEndpoints().stream()
                    .filter(TextMeOtpEndpoint.class::isInstance).map(TextMeOtpEndpoint.class::cast)
                    .filter(endpoint -> endpoint.getConfiguration().getOperation() == operation).toList();
            for (TextMeOtpOutcome outcome : TextMeOtpOutcome.values()) {
                long jmx = endpoints.stream().mapToLong(endpoint -> jmxCount(endpoint, outcome)).sum();
                double meters = prometheus.find(TextMeOtpMicrometerMeters.EXCHANGES).tag("operation", operation.name())
                        .tag("outcome", outcome.tag()).counters().stream().mapToDouble(Counter::count).sum();
                assertEquals(jmx, meters, operation + " " + outcome);
            }
        }
    }

    @Test
    void anExchangeOnAStoppedEndpointIsATransportError() throws Exception {
        TextMeOtpEndpoint endpoint = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
        endpoint.stop();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(PHONE);

        assertThrows(TextMeOtpTransportException.class, () -> endpoint.createProducer().process(exchange));

        assertEquals(1, exchanges("send", "transport_error", "none", "none"));
        assertEquals(1, endpoint.getTransportErrorCount());
    }

    @Test
    void theSeriesAreThereAtZeroOnceTheComponentStartsBeforeAnyEndpoint() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind(TextMeOtpMicrometerMeters.CAMEL_METRICS_REGISTRY, registry);
            context.addComponent("textme-otp", componentFor(USERNAME, TOKEN, apiUrl()));
            context.start();

            assertTrue(context.getEndpoints().isEmpty());
            Collection<Counter> exchanges = registry.find(TextMeOtpMicrometerMeters.EXCHANGES).counters();
            assertEquals(62, exchanges.size(), "an endpoint made later by toD sees its first event in a rate");
            assertTrue(exchanges.stream().allMatch(counter -> counter.count() == 0));
        }
    }

    @Test
    void twoContextsSharingARegistryEachHaveTheirGaugesAndTheFirstToStopRemovesOnlyItsOwn() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CamelContext first = contextWith(registry, component -> { });
        try (CamelContext second = contextWith(registry, component -> component.setMaxConnections(1))) {
            assertEquals(Set.of(first.getName(), second.getName()),
                         gaugeContexts(registry, TextMeOtpMicrometerMeters.CONNECTIONS_LEASED));

            first.close();

            assertEquals(Set.of(second.getName()), gaugeContexts(registry, TextMeOtpMicrometerMeters.READINESS));
            assertEquals(Set.of(second.getName()),
                         gaugeContexts(registry, TextMeOtpMicrometerMeters.CONNECTIONS_LEASED));
        }
    }

    @Test
    void aGaugeAnotherComponentRegisteredFirstUnderTheSameNamesIsLeftToIt() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext first = contextWith(registry, component -> { })) {
            CamelContext twin = new DefaultCamelContext();
            twin.getCamelContextExtension().setName(first.getName());
            twin.getRegistry().bind(TextMeOtpMicrometerMeters.CAMEL_METRICS_REGISTRY, registry);
            twin.addComponent("textme-otp", componentFor(USERNAME, TOKEN, apiUrl()));
            twin.start();
            twin.close();

            assertEquals(Set.of(first.getName()), gaugeContexts(registry, TextMeOtpMicrometerMeters.READINESS),
                         "the first component's gauge stays while it runs");
        }
        assertTrue(gaugeContexts(registry, TextMeOtpMicrometerMeters.READINESS).isEmpty());
    }

    @Test
    void theRoundTripTimerRecordsEachCallToTextMeAnsweredOrFailed() {
        stubSend("0521000001", okJson(SENT));
        stubSend("0521000002", aResponse().withStatus(503));
        stubSend("0521000003", okJson(SENT).withFixedDelay(200));
        exchange("textme-otp:send?limitsEnabled=false", "0521000001", Map.of());
        exchange("textme-otp:send?limitsEnabled=false", "0521000002", Map.of());
        exchange("textme-otp:send?limitsEnabled=false", "0521000003", Map.of());
        exchange("textme-otp:send?limitsEnabled=false", "123", Map.of());

        var timer = prometheus.get(TextMeOtpMicrometerMeters.ROUND_TRIP).tag("operation", "send").timer();
        assertEquals(3, timer.count(), "the two answers and the HTTP error; not the bad input, never sent");
        assertTrue(timer.max(TimeUnit.MILLISECONDS) >= 200, "the slow answer's 200 ms");
        assertEquals(0, prometheus.get(TextMeOtpMicrometerMeters.ROUND_TRIP).tag("operation", "validate").timer()
                .count());
    }

    @Test
    void theRoundTripHistogramIsPublishedWhenTurnedOn() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CamelContext context = contextWith(registry, component -> component.setRoundTripHistogram(true))) {
            textMeAnswers(SENT);
            context.createProducerTemplate().requestBody("textme-otp:send?limitsEnabled=false", PHONE);

            String scrape = registry.scrape();
            assertTrue(scrape.contains("textme_otp_round_trip_seconds_bucket{operation=\"send\",le=\"+Inf\"} 1"),
                       scrape);
        }
    }

    @Test
    void theConnectionGaugesShowTheCallsInFlightAndThoseWaitingForAConnection() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CamelContext context = contextWith(registry, component -> component.setMaxConnections(1))) {
            textMeAnswers(SENT);
            textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.send_otp.phone",
                                                                                        equalTo("0521000009")))
                    .willReturn(okJson(SENT).withFixedDelay(1500)));
            var template = context.createProducerTemplate();
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(template.asyncRequestBody("textme-otp:send?limitsEnabled=false", "0521000009"));
            }

            await().untilAsserted(() -> {
                assertEquals(1, gauge(registry, TextMeOtpMicrometerMeters.CONNECTIONS_LEASED));
                assertEquals(1, gauge(registry, TextMeOtpMicrometerMeters.CONNECTIONS_PENDING));
            });
            for (CompletableFuture<Object> call : calls) {
                call.join();
            }
            assertEquals(0, gauge(registry, TextMeOtpMicrometerMeters.CONNECTIONS_LEASED));
            assertEquals(0, gauge(registry, TextMeOtpMicrometerMeters.CONNECTIONS_PENDING));
            assertEquals(1, gauge(registry, TextMeOtpMicrometerMeters.CONNECTIONS_AVAILABLE), "kept for reuse");
        }
    }

    @Test
    void aStalledLimitStoreIsAStoreErrorAndShowsAsDown() throws Exception {
        StallingStore store = new StallingStore();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CamelContext context = contextWith(registry, component -> {
            component.getConfiguration().setConnectTimeout(200);
            component.setLimitStore(store);
        })) {
            assertEquals(0, gauge(registry, TextMeOtpMicrometerMeters.LIMIT_STORE_DOWN));
            store.stallAfter(0);
            Exchange failed = context.createProducerTemplate().request("textme-otp:send", e -> e.getMessage().setBody(PHONE));

            assertInstanceOf(TextMeOtpLimitStoreException.class, failed.getException());
            assertEquals(1, registry.get(TextMeOtpMicrometerMeters.EXCHANGES).tag("operation", "send")
                    .tag("outcome", "store_error").counter().count());
            assertEquals(1, context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class).getLimitStoreErrorCount(),
                         "the JMX count agrees");
            assertEquals(1, gauge(registry, TextMeOtpMicrometerMeters.LIMIT_STORE_DOWN));
        } finally {
            store.wake();
        }
    }

    @Test
    void theReadinessGaugeIsTheLastBalanceCallsOutcomeAndTheBalanceCallsAreTimed() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext context = contextWith(registry, component -> { }, false)) {
            assertTrue(Double.isNaN(gauge(registry, TextMeOtpMicrometerMeters.READINESS)),
                       "no balance call without the producer checks");
        }
        textMeAnswers("balance", "{\"status\":0,\"message\":\"balance\",\"balance\":100}");
        try (CamelContext context = contextWith(registry, component -> { }, true)) {
            await().untilAsserted(() -> assertEquals(1, gauge(registry, TextMeOtpMicrometerMeters.READINESS)));
            assertTrue(registry.get(TextMeOtpMicrometerMeters.ROUND_TRIP).tag("operation", "balance").timer()
                               .count() >= 1);
        }
        textMeAnswers("balance", "{\"status\":3,\"message\":\"username or API token incorrect\"}");
        try (CamelContext context = contextWith(registry, component -> { }, true)) {
            await().untilAsserted(() -> assertEquals(0, gauge(registry, TextMeOtpMicrometerMeters.READINESS)));
        }
    }

    @Test
    void theGaugesLeaveTheRegistryWhenTheComponentStopsAndTheCountsStay() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CamelContext context = contextWith(registry, component -> { });
        textMeAnswers(SENT);
        context.createProducerTemplate().requestBody("textme-otp:send?limitsEnabled=false", PHONE);
        assertNotNull(registry.find(TextMeOtpMicrometerMeters.READINESS).gauge());

        context.close();

        assertNull(registry.find(TextMeOtpMicrometerMeters.READINESS).gauge());
        assertNull(registry.find(TextMeOtpMicrometerMeters.CONNECTIONS_LEASED).gauge());
        assertEquals(1, registry.get(TextMeOtpMicrometerMeters.EXCHANGES).tag("outcome", "sent").counter().count());
    }

    @Test
    void theOnlyMeterRegistryOfTheContextIsFoundWhateverItsName() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myMeters", registry);
            context.addComponent("sms", componentFor(USERNAME, TOKEN, apiUrl()));
            context.start();
            textMeAnswers(SENT);
            context.createProducerTemplate().requestBody("sms:send?limitsEnabled=false", PHONE);

            assertEquals(1, registry.get(TextMeOtpMicrometerMeters.EXCHANGES).tag("outcome", "sent").counter().count());
            assertEquals("sms", registry.get(TextMeOtpMicrometerMeters.READINESS).gauge().getId().getTag("component"),
                         "the gauges name the component as the context knows it");
        }
    }

    @Test
    void withoutARegistryTheComponentMeasuresNothing() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("textme-otp", componentFor(USERNAME, TOKEN, apiUrl()));
            context.start();
            textMeAnswers(SENT);
            Object result = context.createProducerTemplate().requestBody("textme-otp:send?limitsEnabled=false", PHONE);

            assertInstanceOf(TextMeOtpResult.class, result);
            assertSame(TextMeOtpMeters.NONE, context.getComponent("textme-otp", TextMeOtpComponent.class).meters());
        }
    }

    /** Sends and validates that end every way an exchange can, but with a store error. */
    private void everyOutcome() {
        textMeAnswers(SENT);
        stubSend("0521000002", okJson("{\"status\":4,\"message\":\"not enough credit\"}"));
        stubSend("0521000003", okJson("{\"status\":777,\"message\":\"broken\"}"));
        stubSend("0521000004", aResponse().withStatus(503));
        stubValidate("111111", okJson("{\"status\":0,\"message\":\"valid\"}"));
        stubValidate("222222", okJson("{\"status\":12,\"message\":\"wrong code\"}"));
        stubValidate("333333", okJson("{\"status\":3,\"message\":\"username or API token incorrect\"}"));
        String unlimited = "textme-otp:send?limitsEnabled=false";

        exchange("textme-otp:send", PHONE, Map.of(TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        exchange("textme-otp:send", PHONE, Map.of(TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        exchange(unlimited, "0521000002", Map.of());
        exchange(unlimited, "0521000003", Map.of());
        exchange(unlimited, "0521000004", Map.of());
        exchange(unlimited, "123", Map.of());
        exchange(unlimited, Map.of("phone", "0521000005", "text", "free SMS [code]"), Map.of());
        String oneSendPerClient = "textme-otp:send?clientSendLimit=1";
        exchange(oneSendPerClient, "0521000001", Map.of(TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        exchange(oneSendPerClient, "0521000005", Map.of(TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        String oneSendOfTheAccount = "textme-otp:send?accountSendLimit=1";
        exchange(oneSendOfTheAccount, "0521000006", Map.of());
        exchange(oneSendOfTheAccount, "0521000007", Map.of());

        exchange("textme-otp:validate?limitsEnabled=false", "111111", Map.of(TextMeOtpConstants.PHONE, "0521000001"));
        exchange("textme-otp:validate?limitsEnabled=false", "333333", Map.of(TextMeOtpConstants.PHONE, "0521000001"));
        exchange("textme-otp:validate?limitsEnabled=false", "12345", Map.of(TextMeOtpConstants.PHONE, "0521000001"));
        String oneValidatePerClient = "textme-otp:validate?clientValidationLimit=1";
        exchange(oneValidatePerClient, "222222", Map.of(TextMeOtpConstants.PHONE, "0521000001",
                                                        TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        exchange(oneValidatePerClient, "222222", Map.of(TextMeOtpConstants.PHONE, "0521000001",
                                                        TextMeOtpConstants.CLIENT_KEY, CLIENT_KEY));
        // the phone that was sent a code: one wrong code allowed, the second validate refused
        String oneWrongCode = "textme-otp:validate?failedValidationLimit=1";
        exchange(oneWrongCode, "222222", Map.of(TextMeOtpConstants.PHONE, PHONE));
        exchange(oneWrongCode, "222222", Map.of(TextMeOtpConstants.PHONE, PHONE));

        exchange("textme-otp:validate?limitsEnabled=false&throwOnInvalidCode=true", "222222",
                 Map.of(TextMeOtpConstants.PHONE, "0521000001"));
        exchange(unlimited, "", Map.of(TextMeOtpConstants.PHONE, unreadable("0521000008")));
        exchange("textme-otp:validate?limitsEnabled=false", "111111",
                 Map.of(TextMeOtpConstants.PHONE, unreadable("0521000008")));
    }

    private static CamelContext contextWith(MeterRegistry registry, Consumer<TextMeOtpComponent> setup)
            throws Exception {
        return contextWith(registry, setup, false);
    }

    /** A started context with the registry as its metricsRegistry, and a route to textme-otp:send. */
    private static CamelContext contextWith(MeterRegistry registry, Consumer<TextMeOtpComponent> setup,
                                            boolean producerChecks)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(TextMeOtpMicrometerMeters.CAMEL_METRICS_REGISTRY, registry);
        TextMeOtpComponent component = componentFor(USERNAME, TOKEN, apiUrl());
        setup.accept(component);
        context.addComponent("textme-otp", component);
        if (producerChecks) {
            TextMeOtpHealthCheckTest.enableProducerChecks(context);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("textme-otp:send");
            }
        });
        context.start();
        return context;
    }

    private double exchanges(String operation, String outcome, String limit, String status) {
        return prometheus.get(TextMeOtpMicrometerMeters.EXCHANGES).tag("operation", operation).tag("outcome", outcome)
                .tag("limit", limit).tag("status", status).counter().count();
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("component", "textme-otp").gauge().value();
    }

    private static Set<String> gaugeContexts(MeterRegistry registry, String name) {
        return registry.find(name).gauges().stream()
                .map(gauge -> gauge.getId().getTag(TextMeOtpMicrometerMeters.CAMEL_CONTEXT_TAG))
                .collect(Collectors.toSet());
    }

    private List<Meter> textMeMeters() {
        return prometheus.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("textme.otp."))
                .toList();
    }

    private static Set<String> tagKeys(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
    }

    /** An endpoint's JMX attribute of an outcome: every outcome has one. */
    private static long jmxCount(TextMeOtpEndpoint endpoint, TextMeOtpOutcome outcome) {
        return switch (outcome) {
            case SENT -> endpoint.getSentCount();
            case VALID -> endpoint.getValidCount();
            case INVALID -> endpoint.getInvalidCount();
            case REFUSED -> endpoint.getLimitRefusalCount();
            case BAD_INPUT -> endpoint.getBadInputCount();
            case API_ERROR -> endpoint.getApiErrorCount();
            case TRANSPORT_ERROR -> endpoint.getTransportErrorCount();
            case STORE_ERROR -> endpoint.getLimitStoreErrorCount();
            case UNEXPECTED_ERROR -> endpoint.getUnexpectedErrorCount();
        };
    }

    private TextMeOtpEndpoint jmx(String uri) {
        return context.getEndpoint(uri, TextMeOtpEndpoint.class);
    }

    private static void stubSend(String phone, ResponseDefinitionBuilder answer) {
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .withRequestBody(matchingJsonPath("$.send_otp.phone", equalTo(phone))).willReturn(answer));
    }

    private static void stubValidate(String code, ResponseDefinitionBuilder answer) {
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .withRequestBody(matchingJsonPath("$.validate_otp.code", equalTo(code))).willReturn(answer));
    }
}
