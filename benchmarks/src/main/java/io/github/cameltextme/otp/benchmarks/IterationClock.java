package io.github.cameltextme.otp.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/**
 * The wall clock of the limits in the benchmarks, an hour ahead at every iteration: every window passes between two
 * iterations, so the in-memory store holds one iteration's phones at most, as a store at its steady state holds the
 * phones of its longest window, and never fills up however fast the machine sends.
 */
final class IterationClock implements TimeMeter {

    private final AtomicLong offsetNanos = new AtomicLong();

    /** Moves the clock an hour on, past every window of the default limits. */
    void nextIteration() {
        offsetNanos.addAndGet(TimeUnit.HOURS.toNanos(1));
    }

    @Override
    public long currentTimeNanos() {
        return System.currentTimeMillis() * 1_000_000L + offsetNanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
