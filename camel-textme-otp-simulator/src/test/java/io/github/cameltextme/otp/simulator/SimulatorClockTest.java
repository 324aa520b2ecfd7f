package io.github.cameltextme.otp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorClockTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void advanceMovesForward() {
        SimulatorClock clock = SimulatorClock.fixedAt(T0);
        clock.advance(Duration.ofMinutes(5));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(T0.plusSeconds(301), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void setJumpsToAnInstantAndResetGoesBackToTheBaseClock() {
        SimulatorClock clock = SimulatorClock.fixedAt(T0);
        Instant later = T0.plus(Duration.ofDays(3));
        clock.set(later);
        assertEquals(later, clock.instant());
        clock.set(T0.minusSeconds(10));
        assertEquals(T0.minusSeconds(10), clock.instant());
        clock.reset();
        assertEquals(T0, clock.instant());
    }

    @Test
    void followsItsBaseClock() {
        SimulatorClock clock = SimulatorClock.systemUtc();
        Duration drift = Duration.between(Instant.now(), clock.instant()).abs();
        assertTrue(drift.compareTo(Duration.ofSeconds(5)) < 0, "drift " + drift);
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(T0, SimulatorClock.following(Clock.fixed(T0, ZoneOffset.UTC)).instant());
    }

    @Test
    void zoneViewsShareTheMoves() {
        SimulatorClock clock = SimulatorClock.fixedAt(T0);
        SimulatorClock jerusalem = clock.withZone(ZoneId.of("Asia/Jerusalem"));
        clock.advance(Duration.ofHours(1));
        assertEquals(T0.plus(Duration.ofHours(1)), jerusalem.instant());
        assertEquals(ZoneId.of("Asia/Jerusalem"), jerusalem.getZone());
    }
}
