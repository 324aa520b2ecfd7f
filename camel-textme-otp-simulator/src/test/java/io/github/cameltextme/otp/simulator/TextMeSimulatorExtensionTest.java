package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension as a user sees it (this class uses it), and its lifecycle checked by running sample classes with
 * the JUnit Platform test kit (the samples are nested static classes, which Surefire does not run on its own).
 */
@ExtendWith(TextMeSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TextMeSimulatorExtensionTest {

    private static final String PHONE = "0521234567";

    static TextMeSimulator staticField;
    private static TextMeSimulator fromBeforeAll;

    private final TextMeSimulator fromConstructor;
    TextMeSimulator instanceField;

    TextMeSimulatorExtensionTest(TextMeSimulator fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    @BeforeAll
    static void beforeAll(TextMeSimulator sim) {
        fromBeforeAll = sim;
    }

    @Test
    @Order(1)
    void injectsOneSimulatorEverywhere(TextMeSimulator parameter) {
        assertNotNull(staticField);
        assertSame(staticField, fromBeforeAll);
        assertSame(staticField, fromConstructor);
        assertSame(staticField, instanceField);
        assertSame(staticField, parameter);
        assertStatus(0, new ApiClient(parameter).post(Requests.sendOtp("demo", PHONE)));
        parameter.clock().advance(Duration.ofHours(1));
        parameter.failNext(1, 500);
    }

    @Test
    @Order(2)
    void resetsTheSimulatorBeforeEachTest(TextMeSimulator sim) {
        assertTrue(sim.messages().isEmpty());
        assertEquals(0, sim.pendingFaults());
        assertTrue(Duration.between(Instant.now(), sim.clock().instant()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Nested
    class NestedTests {

        TextMeSimulator nestedField;

        @Test
        void nestedClassSharesTheOuterSimulator(TextMeSimulator parameter) {
            assertSame(staticField, nestedField);
            assertSame(staticField, parameter);
        }
    }

    @Test
    @Order(3)
    void closesTheSimulatorAfterTheClassAndStartsOnePerClass() {
        Sample.seen.clear();
        OtherSample.seen.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Sample.class), selectClass(OtherSample.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertEquals(2, Sample.seen.size());
        assertEquals(2, OtherSample.seen.size());
        assertSame(Sample.seen.get(0), Sample.seen.get(1), "one simulator for all tests of a class");
        assertSame(OtherSample.seen.get(0), OtherSample.seen.get(1), "one simulator for all tests of a class");
        List<TextMeSimulator> seen = List.of(Sample.seen.get(0), OtherSample.seen.get(0));
        assertNotSame(seen.get(0), seen.get(1), "one simulator per class");
        for (TextMeSimulator sim : seen) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.inboxUrl())).timeout(Duration.ofSeconds(5)).build();
            assertThrows(ConnectException.class, () -> ApiClient.trySend(request), "closed after its class");
        }
    }

    @Test
    @Order(4)
    void worksWithPerClassLifecycle() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerClassSample.class)).execute().testEvents();
        events.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @ExtendWith(TextMeSimulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Sample {

        static final List<TextMeSimulator> seen = new CopyOnWriteArrayList<>();

        TextMeSimulator sim;

        @Test
        @Order(1)
        void sends() {
            seen.add(sim);
            assertStatus(0, new ApiClient(sim).post(Requests.sendOtp("demo", PHONE)));
            assertEquals(1, sim.messages().size());
        }

        @Test
        @Order(2)
        void startsEmptyAgain() {
            seen.add(sim);
            assertTrue(sim.messages().isEmpty());
        }
    }

    @ExtendWith(TextMeSimulatorExtension.class)
    static class OtherSample {

        static final List<TextMeSimulator> seen = new CopyOnWriteArrayList<>();

        @Test
        void first(TextMeSimulator sim) {
            seen.add(sim);
        }

        @Test
        void second(TextMeSimulator sim) {
            seen.add(sim);
        }
    }

    @ExtendWith(TextMeSimulatorExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassSample {

        TextMeSimulator sim;
        private String apiUrl;

        @BeforeAll
        void beforeAll() {
            apiUrl = sim.apiUrl();
        }

        @BeforeEach
        void beforeEach(TextMeSimulator parameter) {
            assertSame(sim, parameter);
        }

        @Test
        void fieldWasSetBeforeTheNonStaticBeforeAll() {
            assertEquals(sim.apiUrl(), apiUrl);
        }
    }
}
