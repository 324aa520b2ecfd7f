package io.github.cameltextme.otp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for state a test can observe (a health answer, a request count) to hold, reading it again every 10 ms. */
final class AwaitedState {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private AwaitedState() {
    }

    /** The first value read that holds; fails the test when none does within 20 s. */
    static <T> T until(Supplier<T> observed, Predicate<T> holds, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T value = observed.get();
        while (!holds.test(value)) {
            if (System.nanoTime() > deadline) {
                fail("Waited " + DEADLINE.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            LockSupport.parkNanos(POLL_NANOS);
            value = observed.get();
        }
        return value;
    }
}
