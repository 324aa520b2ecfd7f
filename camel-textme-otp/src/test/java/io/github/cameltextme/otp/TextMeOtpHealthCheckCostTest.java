package io.github.cameltextme.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the readiness checks cost TextMe, against a WireMock stand-in that answers the balance call slowly: whatever
 * calls them and however often, at most one balance call per account per {@code balanceCheckInterval}, made in the
 * background, so that every check answers at once with the last known outcome.
 */
class TextMeOtpHealthCheckCostTest {

    private static final String USERNAME = "leeroy";
    private static final String TOKEN = "tk-5f0c1d2e9a8b7c6d";
    private static final String OTHER_TOKEN = "tk-0a1b2c3d4e5f6a7b";
    /** Slower than a kubelet's patience divided by a few callers: a check that waited for it would time out. */
    private static final int SLOW_BALANCE_MILLIS = 300;
    private static final int CALLERS = 40;

    @RegisterExtension
    static WireMockExtension textMe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(CALLERS + 10))
            .build();

    @BeforeEach
    void balanceAnswersSlowly() {
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.balance"))
                .willReturn(okJson("{\"status\":0,\"message\":\"ok\"}").withFixedDelay(SLOW_BALANCE_MILLIS)));
    }

    @Test
    void fortyConcurrentReadinessChecksAnswerAtOnceAndCostOneBalanceCall() throws Exception {
        try (CamelContext context = startedContext(component -> { }, "textme-otp:send", "textme-otp:validate")) {
            long start = System.nanoTime();
            List<Object> answers = ConcurrentCalls.run(CALLERS, i -> () -> textMeReadiness(context));
            Duration firstRound = Duration.ofNanos(System.nanoTime() - start);
            TextMeOtpHealthCheckTest.checkedTextMeResults(context, 2);
            start = System.nanoTime();
            List<Object> checkedAnswers = ConcurrentCalls.run(CALLERS, i -> () -> textMeReadiness(context));
            Duration secondRound = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(firstRound.toMillis() < 1000, "40 checks while the first balance call runs took " + firstRound);
            assertTrue(secondRound.toMillis() < 1000, "40 checks after it took " + secondRound);
            for (Object answer : answers) {
                for (HealthCheck.Result result : results(answer)) {
                    assertTrue(result.getState() == HealthCheck.State.UP
                               || TextMeOtpHealthCheckTest.notCheckedYet(result), describe(result));
                }
            }
            for (Object answer : checkedAnswers) {
                assertEquals(2, results(answer).size());
                results(answer).forEach(result -> assertEquals(HealthCheck.State.UP, result.getState(), describe(result)));
            }
            assertEquals(1, balanceCalls(TOKEN), "one balance call for the account, whatever the checks");
        }
    }

    @Test
    void beforeTheFirstAnswerACheckIsDownNotCheckedYet() throws Exception {
        try (CamelContext context = startedContext(component -> { }, false, "textme-otp:send")) {
            TextMeOtpHealthCheckTest.enableProducerChecks(context);

            // the producers started with the checks off: the first check starts the calls, and answers before them
            List<HealthCheck.Result> first = textMeReadiness(context);
            List<HealthCheck.Result> checked = TextMeOtpHealthCheckTest.checkedTextMeResults(context, 1);

            assertEquals(1, first.size(), first::toString);
            assertEquals(HealthCheck.State.DOWN, first.get(0).getState(), describe(first.get(0)));
            assertEquals("TextMe has not been checked yet", first.get(0).getMessage().orElseThrow());
            assertEquals(HealthCheck.State.UP, checked.get(0).getState(), describe(checked.get(0)));
            assertEquals(1, balanceCalls(TOKEN));
        }
    }

    @Test
    void endpointsOfOneAccountShareOneCallAndTwoAccountsHaveOneEach() throws Exception {
        try (CamelContext context = startedContext(component -> { }, "textme-otp:send", "textme-otp:validate",
                                                   "textme-otp:send?appId=2", "textme-otp:send?apiToken=" + OTHER_TOKEN,
                                                   "textme-otp:validate?apiToken=" + OTHER_TOKEN)) {
            TextMeOtpHealthCheckTest.checkedTextMeResults(context, 5);
            for (int i = 0; i < 10; i++) {
                textMeReadiness(context);
            }

            assertEquals(1, balanceCalls(TOKEN), "three endpoints of one account: one call");
            assertEquals(1, balanceCalls(OTHER_TOKEN), "two endpoints of another account: one call");
            assertEquals(2, context.getComponent("textme-otp", TextMeOtpComponent.class).getBalanceChecks()
                    .accountsCalled());
        }
    }

    @Test
    void theIntervalIsHonouredBetweenTwoCallsOfAnAccount() throws Exception {
        long intervalMillis = 200;
        try (CamelContext context = startedContext(component -> component.setBalanceCheckInterval(intervalMillis),
                                                   "textme-otp:send", "textme-otp:validate")) {
            AwaitedState.until(() -> balanceCalls(TOKEN), calls -> calls >= 3, "three balance calls");

            List<LoggedRequest> calls = new ArrayList<>(textMe.findAll(balanceCallsOf(TOKEN)));
            calls.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
            for (int i = 1; i < calls.size(); i++) {
                long gap = calls.get(i).getLoggedDate().getTime() - calls.get(i - 1).getLoggedDate().getTime();
                // the next call starts an interval after the last one answered
                assertTrue(gap >= intervalMillis + SLOW_BALANCE_MILLIS, "calls " + gap + " ms apart");
            }
        }
    }

    @Test
    void theCallsStopWithTheLastEndpointOfTheAccountAndStartAgainWithIt() throws Exception {
        try (CamelContext context = startedContext(component -> component.setBalanceCheckInterval(100),
                                                   "textme-otp:send", "textme-otp:validate")) {
            TextMeOtpBalanceChecks balanceChecks = context.getComponent("textme-otp", TextMeOtpComponent.class)
                    .getBalanceChecks();
            TextMeOtpHealthCheckTest.checkedTextMeResults(context, 2);
            assertEquals(1, balanceChecks.accountsCalled());

            context.getRouteController().stopRoute("otp");
            assertEquals(0, balanceChecks.accountsCalled(), "no call left running for a stopped account");

            context.getRouteController().startRoute("otp");
            assertEquals(1, balanceChecks.accountsCalled(), "one account again, not two");
            int before = balanceCalls(TOKEN);
            AwaitedState.until(() -> balanceCalls(TOKEN), calls -> calls > before, "a balance call after the restart");
        }
    }

    @Test
    void refusalsAndFailuresArePlainSentencesWithoutTheTokenOrTheServer() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.balance"))
                .willReturn(okJson("{\"status\":3,\"message\":\"token " + OTHER_TOKEN + " refused\"}")));
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.balance"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(503).withBody("<html>" + TOKEN + "</html>")));
        try (CapturedLogs logs = CapturedLogs.atTrace();
             CamelContext context = startedContext(component -> { }, "textme-otp:send",
                                                   "textme-otp:send?apiToken=" + OTHER_TOKEN)) {
            List<HealthCheck.Result> results = TextMeOtpHealthCheckTest.checkedTextMeResults(context, 2);

            List<String> messages = results.stream().map(r -> r.getMessage().orElse("")).sorted().toList();
            assertEquals(List.of("TextMe is unreachable", "TextMe refused the credentials with status 3"), messages);
            for (HealthCheck.Result result : results) {
                String shown = describe(result);
                assertEquals(HealthCheck.State.DOWN, result.getState(), shown);
                assertTrue(result.getError().isEmpty(), shown);
                assertFalse(shown.contains(String.valueOf(textMe.getPort())), shown);
                assertFalse(shown.contains("127.0.0.1") || shown.contains("localhost"), shown);
                assertFalse(shown.contains("Exception"), shown);
                assertFalse(shown.contains(TOKEN) || shown.contains(OTHER_TOKEN), shown);
            }
            assertTrue(results.stream().anyMatch(r -> Integer.valueOf(3).equals(r.getDetails().get("textme.status"))));
            assertTrue(logs.linesContaining("503").stream().anyMatch(line -> line.startsWith("DEBUG ")),
                       "the HTTP status is in a DEBUG line");
            // the component's lines; Camel's own and HttpClient's wire log are the user's to keep at INFO
            List<String> linesWithAToken = logs.lines().stream()
                    .filter(line -> line.split(" ", 3)[1].startsWith("io.github.cameltextme."))
                    .filter(line -> line.contains(TOKEN) || line.contains(OTHER_TOKEN)).toList();
            assertEquals(List.of(), linesWithAToken, "the tokens are in no line of the component's");
            assertFalse(TextMeOtpAccountKey.of(configurationWith(OTHER_TOKEN)).toString().contains(OTHER_TOKEN));
        }
    }

    @Test
    void anIntervalOfZeroIsRefused() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, apiUrl());
            component.setBalanceCheckInterval(0);
            context.addComponent("textme-otp", component);
            context.start();

            Exception e = assertThrows(Exception.class, () -> context.getEndpoint("textme-otp:send"));
            TextMeOtpValidationException invalid = ObjectHelper.getException(TextMeOtpValidationException.class, e);
            assertEquals("balanceCheckInterval", invalid.getField());
            assertEquals("Invalid balanceCheckInterval: must be more than 0 ms (was 0)", invalid.getMessage());
        }
    }

    private static CamelContext startedContext(Consumer<TextMeOtpComponent> customizer, String... producerUris)
            throws Exception {
        return startedContext(customizer, true, producerUris);
    }

    /** A started context with a route {@code otp} that has one producer per URI, its component pointing at WireMock. */
    private static CamelContext startedContext(Consumer<TextMeOtpComponent> customizer, boolean producerChecks,
                                               String... producerUris) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // every check's result, as camel.health.exposure-level=full gives it
        HealthCheckRegistry.get(context).setExposureLevel("full");
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, apiUrl());
        customizer.accept(component);
        context.addComponent("textme-otp", component);
        if (producerChecks) {
            TextMeOtpHealthCheckTest.enableProducerChecks(context);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from("direct:otp").routeId("otp");
                for (String uri : producerUris) {
                    route.to(uri);
                }
            }
        });
        context.start();
        return context;
    }

    /** What a readiness probe gets: Camel's readiness checks, of which the textme-otp ones are kept. */
    private static List<HealthCheck.Result> textMeReadiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:textme-otp")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Collection<HealthCheck.Result> results(Object answer) {
        return (Collection<HealthCheck.Result>) answer;
    }

    private static int balanceCalls(String token) {
        return textMe.findAll(balanceCallsOf(token)).size();
    }

    private static RequestPatternBuilder balanceCallsOf(String token) {
        return postRequestedFor(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.balance"))
                .withHeader("Authorization", equalTo("Bearer " + token));
    }

    private static TextMeOtpConfiguration configurationWith(String token) {
        TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();
        configuration.setUsername(USERNAME);
        configuration.setApiToken(token);
        configuration.setBaseUrl(apiUrl());
        return configuration;
    }

    private static String apiUrl() {
        return textMe.baseUrl() + "/api";
    }

    private static String describe(HealthCheck.Result result) {
        return result.getState() + " " + result.getMessage().orElse("") + " " + result.getDetails()
               + result.getError().map(e -> " " + e).orElse("");
    }
}
