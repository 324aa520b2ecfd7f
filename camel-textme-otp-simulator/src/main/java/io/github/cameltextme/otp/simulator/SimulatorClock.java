package io.github.cameltextme.otp.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests can move: it follows a base clock (the system clock by default) shifted by an
 * adjustable offset. Use {@link #advance(Duration)} to jump past an OTP's expiry without sleeping.
 * Thread-safe; views made with {@link #withZone(ZoneId)} share the same offset.
 */
public final class SimulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private SimulatorClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** A clock that runs with the system clock (UTC) until moved. */
    public static SimulatorClock systemUtc() {
        return following(Clock.systemUTC());
    }

    /** A clock that stands still at {@code instant} until moved. */
    public static SimulatorClock fixedAt(Instant instant) {
        return following(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** A clock that follows {@code base} until moved. */
    public static SimulatorClock following(Clock base) {
        return new SimulatorClock(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock forward by {@code amount}. */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration: " + amount);
        }
        offset.updateAndGet(current -> current.plus(amount));
    }

    /** Makes the clock read {@code instant} now; it then runs on at the base clock's pace. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Drops every move: the clock reads its base clock again. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public SimulatorClock withZone(ZoneId zone) {
        return new SimulatorClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + instant() + "]";
    }
}
