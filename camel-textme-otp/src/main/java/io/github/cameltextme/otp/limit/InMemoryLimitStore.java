package io.github.cameltextme.otp.limit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * The default limit store: Bucket4j's buckets in a Caffeine cache of this JVM. It holds at most {@link #MAX_KEYS}
 * keys; each key leaves as soon as its bucket is full again (its window has passed), and past the bound Caffeine
 * evicts the keys it judges least likely to be used again, whose counts then start from zero.
 */
public final class InMemoryLimitStore {

    /** The most keys held at once: some 380 bytes each, about 38 MB when full. */
    public static final long MAX_KEYS = 100_000;

    private InMemoryLimitStore() {
    }

    /** A store on the system clock. */
    public static ProxyManager<String> create() {
        return create(TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * A store whose buckets, and the expiry of their keys, read this wall clock: for tests that let a window pass
     * without waiting for it.
     */
    public static ProxyManager<String> create(TimeMeter clock) {
        // the cache's upkeep runs on the calling thread: no thread of the common pool outlives the component
        return Bucket4jCaffeine.<String> builderFor(Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .executor(Runnable::run)
                .ticker(clock::currentTimeNanos))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(clock)
                .build();
    }
}
