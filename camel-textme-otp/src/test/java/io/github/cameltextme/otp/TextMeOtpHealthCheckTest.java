package io.github.cameltextme.otp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cameltextme.otp.simulator.RecordedRequest;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opt-in producer health check against the TextMe simulator: it asks for the balance (never sends an SMS), is UP
 * with the right account, DOWN with a refused token or an unreachable server, in one plain sentence, and does not run
 * unless Camel's producer checks are enabled ({@code camel.health.producersEnabled=true}) and the component leaves them
 * on. The balance calls run in the background: each test waits for the answer of the first one.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class TextMeOtpHealthCheckTest {

    private static final String CHECK_ID_PREFIX = "producer:textme-otp";
    private static final String WRONG_TOKEN = "not-the-demo-token";

    /** Injected and reset before each test by the extension. */
    static TextMeSimulator sim;

    @Test
    void upWithTheRightAccountAndNoSmsSent() throws Exception {
        try (CamelContext context = startedContext(true, component -> { }, "textme-otp:send")) {
            HealthCheck.Result result = checkedTextMeResult(context);

            assertEquals(HealthCheck.State.UP, result.getState(), () -> describe(result));
            assertTrue(result.getMessage().isEmpty(), () -> describe(result));
            assertTrue(result.getCheck().isReadiness(), "a readiness check");
            assertFalse(result.getCheck().isLiveness(), "TextMe being away must not make the application restart");
            assertOnlyBalanceCallsAndNoSms(1);
        }
    }

    @Test
    void downWithAWrongTokenWithTextMesStatus() throws Exception {
        try (CamelContext context = startedContext(true, component -> { }, "textme-otp:send?apiToken=" + WRONG_TOKEN)) {
            HealthCheck.Result result = checkedTextMeResult(context);

            assertEquals(HealthCheck.State.DOWN, result.getState(), () -> describe(result));
            assertEquals(3, result.getDetails().get("textme.status"), () -> describe(result));
            assertEquals("TextMe refused the credentials with status 3", result.getMessage().orElseThrow());
            assertTrue(result.getError().isEmpty(), () -> describe(result));
            assertFalse(describe(result).contains(WRONG_TOKEN), () -> describe(result));
            assertOnlyBalanceCallsAndNoSms(1);
        }
    }

    @Test
    void downWhenTheServerIsUnreachableInOnePlainSentence() throws Exception {
        int closedPort = closedPort();
        String closedPortUrl = "http://127.0.0.1:" + closedPort + "/api";
        try (CapturedLogs logs = CapturedLogs.atTrace();
             CamelContext context = startedContext(true, component -> component.getConfiguration().setBaseUrl(closedPortUrl),
                                                   "textme-otp:send")) {
            HealthCheck.Result result = checkedTextMeResult(context);

            assertEquals(HealthCheck.State.DOWN, result.getState(), () -> describe(result));
            assertEquals("TextMe is unreachable", result.getMessage().orElseThrow());
            assertTrue(result.getError().isEmpty(), "no exception in the answer: " + describe(result));
            assertFalse(describe(result).contains(String.valueOf(closedPort)), () -> describe(result));
            assertFalse(describe(result).contains("127.0.0.1"), () -> describe(result));
            assertFalse(describe(result).contains("Exception"), () -> describe(result));
            assertFalse(result.getDetails().containsKey("textme.status"), "no TextMe status without an answer");
            List<String> debugLines = logs.linesContaining("The balance call of");
            assertTrue(debugLines.stream().anyMatch(line -> line.startsWith("DEBUG ")
                                                            && line.contains(TextMeOtpTransportException.class.getName())),
                       debugLines::toString);
            assertTrue(logs.linesContaining(sim.token()).isEmpty(), "the token is in no log line");
            assertTrue(sim.requests().isEmpty());
        }
    }

    @Test
    void goesDownAndUpAgainWithTheServerAtTheNextInterval() throws Exception {
        sim.failNext(1, 503);
        try (CamelContext context = startedContext(true, component -> component.setBalanceCheckInterval(100),
                                                   "textme-otp:send")) {
            HealthCheck.Result failed = checkedTextMeResult(context);
            HealthCheck.Result recovered = AwaitedState.until(
                    () -> onlyTextMeResult(context), result -> result.getState() == HealthCheck.State.UP, "UP again");

            assertEquals(HealthCheck.State.DOWN, failed.getState(), () -> describe(failed));
            assertEquals("TextMe is unreachable", failed.getMessage().orElseThrow());
            assertTrue(failed.getError().isEmpty(), () -> describe(failed));
            assertTrue(recovered.getMessage().isEmpty(), () -> describe(recovered));
            assertTrue(sim.requests().size() >= 2, "the 503, then a balance call that TextMe answered");
            assertTrue(sim.messages().isEmpty(), "the checks sent no SMS");
        }
    }

    @Test
    void eachProducerOfARouteHasItsCheckAndItGoesAwayWithTheRoute() throws Exception {
        try (CamelContext context = startedContext(true, component -> { }, "textme-otp:send",
                                                   "textme-otp:validate?apiToken=" + WRONG_TOKEN)) {
            List<HealthCheck.Result> results = checkedTextMeResults(context, 2);
            assertEquals(Stream.of(HealthCheck.State.UP, HealthCheck.State.DOWN).sorted().toList(),
                         results.stream().map(HealthCheck.Result::getState).sorted().toList(), results::toString);
            TextMeOtpComponent component = context.getComponent("textme-otp", TextMeOtpComponent.class);
            assertEquals(2, component.getBalanceChecks().accountsCalled(), "two tokens: two accounts");

            context.getRouteController().stopRoute("otp");

            assertTrue(textMeResults(context).isEmpty(), "a stopped producer leaves no check behind");
            assertEquals(0, component.getBalanceChecks().accountsCalled(), "no balance call is left running");
            assertOnlyBalanceCallsAndNoSms(2);
        }
    }

    @Test
    void notRunByDefaultProducerChecksAreOptIn() throws Exception {
        try (CamelContext context = startedContext(false, component -> { }, "textme-otp:send")) {
            assertNotNull(HealthCheckRegistry.get(context), "health checks are on; only the producer ones are not");
            HealthCheckHelper.invoke(context);

            assertTrue(textMeResults(context).isEmpty());
            assertTrue(sim.requests().isEmpty(), "no balance call");
        }
    }

    @Test
    void notRunWhenTheComponentTurnsItsProducerChecksOff() throws Exception {
        try (CamelContext context = startedContext(true, component -> component.setHealthCheckProducerEnabled(false),
                                                   "textme-otp:send")) {
            List<HealthCheck.Result> results = textMeResults(context);

            // Camel's way (as in camel-kafka): the check is registered disabled and answers UNKNOWN without running
            assertTrue(results.stream().allMatch(r -> r.getState() == HealthCheck.State.UNKNOWN
                                                      && Boolean.FALSE.equals(r.getDetails().get(HealthCheck.CHECK_ENABLED))),
                       results::toString);
            assertTrue(sim.requests().isEmpty(), "no balance call");
        }
    }

    /**
     * A started context whose {@code textme-otp} component talks to the simulator, with a route {@code otp} that has
     * one producer per URI. {@code producerChecks} does what {@code camel.health.producersEnabled=true} does under
     * Camel Main.
     */
    private static CamelContext startedContext(boolean producerChecks, Consumer<TextMeOtpComponent> customizer,
                                               String... producerUris) throws Exception {
        CamelContext context = new DefaultCamelContext();
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(sim.username(), sim.token(), sim.apiUrl());
        customizer.accept(component);
        context.addComponent("textme-otp", component);
        if (producerChecks) {
            enableProducerChecks(context);
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

    /** What Camel Main does for {@code camel.health.producersEnabled=true}. */
    static void enableProducerChecks(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository producers = registry.getRepository("producers")
                .orElseGet(() -> (HealthCheckRepository) registry.resolveById("producers"));
        producers.setEnabled(true);
        registry.register(producers);
    }

    /** Runs every health check of the context, with full details, and keeps the results of textme-otp producers. */
    static List<HealthCheck.Result> textMeResults(CamelContext context) {
        return HealthCheckHelper.invoke(context, check -> Map.of(), check -> !check.getId().startsWith(CHECK_ID_PREFIX),
                                        "full")
                .stream().toList();
    }

    /** The results of the textme-otp checks once they are {@code count} and each has the outcome of a balance call. */
    static List<HealthCheck.Result> checkedTextMeResults(CamelContext context, int count) {
        return AwaitedState.until(() -> textMeResults(context),
                                  results -> results.size() == count
                                             && results.stream().noneMatch(TextMeOtpHealthCheckTest::notCheckedYet),
                                  "the first balance call of every check");
    }

    static boolean notCheckedYet(HealthCheck.Result result) {
        return result.getMessage().filter("TextMe has not been checked yet"::equals).isPresent();
    }

    private static HealthCheck.Result checkedTextMeResult(CamelContext context) {
        return checkedTextMeResults(context, 1).get(0);
    }

    private static HealthCheck.Result onlyTextMeResult(CamelContext context) {
        List<HealthCheck.Result> results = textMeResults(context);
        assertEquals(1, results.size(), results::toString);
        return results.get(0);
    }

    private static void assertOnlyBalanceCallsAndNoSms(int expectedCalls) {
        List<RecordedRequest> requests = sim.requests();
        assertEquals(expectedCalls, requests.size(), requests::toString);
        assertTrue(requests.stream().allMatch(r -> r.body().strip().startsWith("{\"balance\"")),
                   () -> requests.stream().map(RecordedRequest::body).toList().toString());
        assertTrue(sim.messages().isEmpty(), "the checks sent no SMS");
    }

    private static String describe(HealthCheck.Result result) {
        return result.getState() + " " + result.getMessage().orElse("") + " " + result.getDetails()
               + result.getError().map(e -> " " + e).orElse("");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
