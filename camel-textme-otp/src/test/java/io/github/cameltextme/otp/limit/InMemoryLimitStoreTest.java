package io.github.cameltextme.otp.limit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls the component makes on its in-memory store, each in one pass, on a clock the tests move on: buckets that
 * count as Bucket4j's do and leave when full again, records of codes sent that last as a bucket of one token would,
 * and a bound that refuses only keys new to it.
 */
class InMemoryLimitStoreTest {

    private static final BucketConfiguration TWO_AN_HOUR = BucketConfiguration.builder()
            .addLimit(b -> b.capacity(2).refillIntervally(2, Duration.ofHours(1)))
            .build();
    private static final Duration LIFE = Duration.ofMinutes(15);

    private final MovingClock clock = new MovingClock();

    @Test
    void aBucketTakenInOnePassCountsAndTellsWhichBandwidthIsEmpty() {
        InMemoryLimitStore store = new InMemoryLimitStore(10, clock);
        assertTrue(store.tryTakeOne("key", TWO_AN_HOUR).getValue().isConsumed());
        assertTrue(store.tryTakeOne("key", TWO_AN_HOUR).getValue().isConsumed());

        var refused = store.tryTakeOne("key", TWO_AN_HOUR);
        assertFalse(refused.getValue().isConsumed());
        assertArrayEquals(new long[] { 0 }, refused.getDiagnostics().getAvailableTokensPerEachBandwidth());
        assertTrue(store.holds("key"));
        clock.advance(Duration.ofHours(1));
        assertFalse(store.holds("key"), "the window has passed");
    }

    @Test
    void aFullStoreRefusesANewKeyYetTakesGiveBacksAndCountsTheKeysItHolds() {
        InMemoryLimitStore store = new InMemoryLimitStore(1, clock);
        store.tryTakeOne("held", TWO_AN_HOUR);

        assertThrows(LimitStoreFullException.class, () -> store.tryTakeOne("new", TWO_AN_HOUR));
        assertThrows(LimitStoreFullException.class, () -> store.recordCodeSent("new-record", LIFE));
        store.giveBackOne("new", TWO_AN_HOUR);
        assertEquals(1, store.keys(), "a give-back leaves no key where there was none");
        assertTrue(store.tryTakeOne("held", TWO_AN_HOUR).getValue().isConsumed(), "the held key goes on counting");

        store.giveBackOne("held", TWO_AN_HOUR);
        store.giveBackOne("held", TWO_AN_HOUR);
        assertEquals(0, store.keys(), "a bucket full again leaves at once");
        store.recordCodeSent("new-record", LIFE);
        assertEquals(1, store.keys(), "records count towards the bound");
    }

    @Test
    void aRecordLastsAsABucketOfOneTokenWouldAndASendTakenBackLeavesItAsItWas() {
        InMemoryLimitStore store = new InMemoryLimitStore(10, clock);
        store.recordCodeSent("code", LIFE);
        clock.advance(Duration.ofMinutes(10));
        store.recordCodeSent("code", LIFE);
        store.forgetCodeSent("code", LIFE);

        clock.advance(Duration.ofMinutes(4));
        assertTrue(store.holdsCodeSent("code"));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(store.holdsCodeSent("code"), "15 minutes after the send that went out");
        assertEquals(0, store.keys());
    }

    @Test
    void sendsCloseTogetherLengthenTheRecordAndTakingThemAllBackRemovesIt() {
        InMemoryLimitStore store = new InMemoryLimitStore(10, clock);
        store.recordCodeSent("code", LIFE);
        store.recordCodeSent("code", LIFE);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.holdsCodeSent("code"), "two sends at once: 30 minutes");

        store.recordCodeSent("other", LIFE);
        store.recordCodeSent("other", LIFE);
        store.forgetCodeSent("other", LIFE);
        store.forgetCodeSent("other", LIFE);
        assertFalse(store.holdsCodeSent("other"));
        store.forgetCodeSent("none", LIFE);
        assertEquals(1, store.keys());
    }

    /** A wall clock that moves only when a test moves it. */
    private static final class MovingClock implements TimeMeter {

        private long nanos = Duration.ofDays(1).toNanos();

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
