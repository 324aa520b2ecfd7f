package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The Java API: start, URLs, accounts, lastCode, reset and close. */
class TextMeSimulatorTest {

    private static final String PHONE = "0521234567";
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void startWithDefaults() {
        try (TextMeSimulator sim = TextMeSimulator.start()) {
            assertTrue(sim.port() > 0);
            assertEquals("http://127.0.0.1:" + sim.port() + "/api", sim.apiUrl());
            assertEquals("http://127.0.0.1:" + sim.port() + "/api/test", sim.testApiUrl());
            assertEquals("http://127.0.0.1:" + sim.port() + "/", sim.inboxUrl());
            assertEquals("demo", sim.username());
            assertEquals("demo-token", sim.token());
            assertStatus(0, new ApiClient(sim).post(Requests.balance("demo")));
        }
    }

    @Test
    void builderSetsPortAndAccounts() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (TextMeSimulator sim = TextMeSimulator.builder().port(freePort).account("alice", "alice-token").account("bob", "bob-token").start()) {
            assertEquals(freePort, sim.port());
            assertEquals("alice", sim.username());
            assertEquals("alice-token", sim.token());
            ApiClient api = new ApiClient(sim);
            assertStatus(0, api.post(sim.apiUrl(), Requests.balance("bob"), "bob-token"));
            assertStatus(3, api.post(sim.apiUrl(), Requests.balance("demo"), "demo-token"));
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().port(-1));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().port(65_536));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().account(" ", "token"));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().account("user", null));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().account("a", "t1").account("a", "t2"));
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().account("a", "t").account("b", "t").start());
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().host(""));
    }

    @Test
    void lastCodeAcceptsBothPhoneForms() {
        try (TextMeSimulator sim = TextMeSimulator.start()) {
            ApiClient api = new ApiClient(sim);
            assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
            String first = sim.lastCode(PHONE);
            assertEquals(first, sim.lastCode("521234567"));
            assertStatus(0, api.post(Requests.sendOtp("demo", "521234567")));
            assertEquals(sim.messages().get(0).code(), sim.lastCode(PHONE));
        }
    }

    @Test
    void lastCodeWithoutAnySmsExplainsItself() {
        try (TextMeSimulator sim = TextMeSimulator.start()) {
            NoSuchElementException none = assertThrows(NoSuchElementException.class, () -> sim.lastCode("521234567"));
            assertTrue(none.getMessage().contains("0521234567"), none.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sim.lastCode("+972521234567"));
        }
    }

    @Test
    void resetForgetsCodesMessagesRequestsFaultsAndClockMoves() {
        try (TextMeSimulator sim = TextMeSimulator.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).start()) {
            ApiClient api = new ApiClient(sim);
            assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
            String code = sim.lastCode(PHONE);
            sim.failNext(1, 500);
            sim.clock().advance(Duration.ofMinutes(1));

            sim.reset();

            assertTrue(sim.messages().isEmpty());
            assertTrue(sim.requests().isEmpty());
            assertEquals(0, sim.pendingFaults());
            assertEquals(T0, sim.clock().instant());
            assertStatus(12, api.post(Requests.validateOtp("demo", PHONE, code)));
        }
    }

    @Test
    void ownClockFollowsTheSystemClockAfterReset() {
        try (TextMeSimulator sim = TextMeSimulator.start()) {
            sim.clock().advance(Duration.ofDays(1));
            sim.reset();
            Duration drift = Duration.between(Instant.now(), sim.clock().instant()).abs();
            assertTrue(drift.compareTo(Duration.ofMinutes(1)) < 0, "drift " + drift);
        }
    }

    @Test
    void givenSimulatorClockIsUsedAsIsAndNotReset() {
        SimulatorClock clock = SimulatorClock.fixedAt(T0);
        try (TextMeSimulator sim = TextMeSimulator.builder().clock(clock).start()) {
            assertSame(clock, sim.clock());
            clock.advance(Duration.ofMinutes(3));
            sim.reset();
            assertEquals(T0.plus(Duration.ofMinutes(3)), sim.clock().instant());
            assertStatus(0, new ApiClient(sim).post(Requests.sendOtp("demo", PHONE)));
            assertEquals(T0.plus(Duration.ofMinutes(3)), sim.messages().get(0).sentAt());
        }
    }

    @Test
    void closeStopsServingAndItsThreads() {
        TextMeSimulator sim = TextMeSimulator.start();
        new ApiClient(sim).post(Requests.balance("demo"));
        String threadPrefix = SimulatorThreads.namePrefix(sim.port());
        sim.close();
        sim.close();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.inboxUrl() + "messages")).timeout(Duration.ofSeconds(5)).build();
        assertThrows(ConnectException.class, () -> ApiClient.trySend(request));
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith(threadPrefix)), "simulator threads left running");
    }

    @Test
    void portInUseFailsToStart() {
        try (TextMeSimulator first = TextMeSimulator.start()) {
            assertThrows(UncheckedIOException.class, () -> TextMeSimulator.builder().port(first.port()).start());
        }
    }
}
