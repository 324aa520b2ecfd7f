package io.github.cameltextme.otp.limit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.AbstractProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.MutableBucketEntry;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.RemoteCommand;
import io.github.bucket4j.distributed.remote.Request;
import io.github.bucket4j.distributed.remote.commands.AddTokensCommand;
import io.github.bucket4j.distributed.remote.commands.CreateInitialStateAndExecuteCommand;
import io.github.bucket4j.distributed.remote.commands.TryConsumeAndReturnRemainingTokensCommand;
import io.github.bucket4j.distributed.remote.commands.VerboseCommand;

/**
 * A Bucket4j store in this JVM's memory that never forgets a count to make room. It holds only buckets that are not
 * full, each until it is full again (its window has passed): a bucket that an exchange leaves full (a place given
 * back, a count cleared) leaves the store at once, as a full bucket is the same as none. It holds at most
 * {@code maxKeys} keys: a command that would add a key to a full store fails with {@link LimitStoreFullException},
 * while every key already held goes on counting. Caffeine's bounded caches evict instead, which would let a flood of
 * keys reset the counts of others; this store is unbounded in Caffeine and bounded here.
 * <p>
 * It also holds the records of codes sent ({@link SentCodeRecord}) as plain expiring entries, which cost a fraction of
 * a bucket and count towards {@code maxKeys} as buckets do; they are seen through the methods of this package only, not
 * through Bucket4j's proxies. Whether a key is new is decided before it is written, so callers adding new keys at the
 * same moment can take the store past {@code maxKeys} by at most their number.
 */
public final class InMemoryLimitStore extends AbstractProxyManager<String> {

    /** The most keys a store holds by default: about 300 bytes each (measured), about 30 MB when full. */
    public static final long DEFAULT_MAX_KEYS = 100_000;

    private final Cache<String, RemoteBucketState> buckets;
    private final Cache<String, SentCodes> sentCodes;
    private final long maxKeys;
    private final TimeMeter clock;

    /** A store of at most {@link #DEFAULT_MAX_KEYS} keys on the system clock. */
    public InMemoryLimitStore() {
        this(DEFAULT_MAX_KEYS, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * A store of at most {@code maxKeys} keys whose buckets and records, and their expiry, read this wall clock: tests
     * let a window pass without waiting for it.
     */
    public InMemoryLimitStore(long maxKeys, TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock));
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.buckets = expiring(clock, state -> state.calculateFullRefillingTime(clock.currentTimeNanos()));
        this.sentCodes = expiring(clock, sent -> sent.goneAtNanos() - clock.currentTimeNanos());
    }

    /**
     * A cache whose entries leave when the time {@code nanosLeft} gives them has passed on the store's clock; its
     * upkeep runs on the calling thread, so that no thread of the common pool outlives the component.
     */
    private static <V> Cache<String, V> expiring(TimeMeter clock, ToLongFunction<V> nanosLeft) {
        return Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(clock::currentTimeNanos)
                .expireAfter(Expiry.writing((String key, V value) -> Duration.ofNanos(nanosLeft.applyAsLong(value))))
                .build();
    }

    /** The keys held now, once those whose window has passed are dropped. */
    public long keys() {
        cleanUp();
        return size();
    }

    /** The most keys this store holds. */
    public long maxKeys() {
        return maxKeys;
    }

    @Override
    protected <T> CommandResult<T> execute(String key, Request<T> request) {
        long now = request.getClientSideTime() != null ? request.getClientSideTime() : clock.currentTimeNanos();
        boolean full = isFull();
        @SuppressWarnings("unchecked")
        CommandResult<T>[] result = new CommandResult[1];
        buckets.asMap().compute(key, (k, held) -> {
            MutableBucketEntry entry = new MutableBucketEntry(held == null ? null : held.copy());
            result[0] = request.getCommand().execute(entry, now);
            if (!entry.isStateModified()) {
                return held;
            }
            if (!entry.exists() || entry.get().calculateFullRefillingTime(now) <= 0) {
                return null;
            }
            if (held == null && full) {
                throw new LimitStoreFullException(maxKeys);
            }
            return entry.get();
        });
        return result[0];
    }

    /**
     * Takes one token of the key's bucket, creating it with this configuration if the store has none, in one pass: a
     * Bucket4j proxy would first ask for the bucket and, told it is missing, ask again to create it.
     */
    VerboseResult<ConsumptionProbe> tryTakeOne(String key, BucketConfiguration configuration) {
        return execute(key, configuration, VerboseCommand.from(new TryConsumeAndReturnRemainingTokensCommand(1)))
                .asLocal();
    }

    /** Gives one token back to the key's bucket, never above its capacity, in one pass. */
    void giveBackOne(String key, BucketConfiguration configuration) {
        execute(key, configuration, new AddTokensCommand(1));
    }

    /** Whether the store holds a bucket for the key, that is one not full. */
    boolean holds(String key) {
        return buckets.getIfPresent(key) != null;
    }

    private <T> T execute(String key, BucketConfiguration configuration, RemoteCommand<T> command) {
        Request<T> request = new Request<>(new CreateInitialStateAndExecuteCommand<>(configuration, command),
                                           null, null, null);
        return execute(key, request).getData();
    }

    /**
     * Records a code sent under the key, as a bucket of one token that takes {@code life} to come back would count it,
     * taken whatever it holds: the record lasts until {@code life} after now, or {@code life} longer than it did. A key
     * new to a full store fails with {@link LimitStoreFullException}.
     */
    void recordCodeSent(String key, Duration life) {
        long now = clock.currentTimeNanos();
        boolean full = isFull();
        sentCodes.asMap().compute(key, (k, held) -> {
            if (held == null && full) {
                throw new LimitStoreFullException(maxKeys);
            }
            return new SentCodes((held == null ? now : Math.max(held.goneAtNanos(), now)) + life.toNanos());
        });
    }

    /** Whether a code sent under the key is recorded. */
    boolean holdsCodeSent(String key) {
        return sentCodes.getIfPresent(key) != null;
    }

    /**
     * Takes back what one send added to the record under the key, as giving the token back would: the record lasts
     * {@code life} less, and leaves when that is now or past, so a send that sent nothing leaves the record as it was.
     */
    void forgetCodeSent(String key, Duration life) {
        long now = clock.currentTimeNanos();
        sentCodes.asMap().computeIfPresent(key, (k, held) -> {
            long goneAt = held.goneAtNanos() - life.toNanos();
            return goneAt <= now ? null : new SentCodes(goneAt);
        });
    }

    /** Whether the store holds its bound of keys, once those whose window has passed are dropped. */
    private boolean isFull() {
        if (size() < maxKeys) {
            return false;
        }
        cleanUp();
        return size() >= maxKeys;
    }

    /** The buckets and records held, those whose time has passed included until the next upkeep. */
    private long size() {
        return buckets.estimatedSize() + sentCodes.estimatedSize();
    }

    /** Drops the buckets and records whose time has passed. */
    private void cleanUp() {
        buckets.cleanUp();
        sentCodes.cleanUp();
    }

    @Override
    protected <T> CompletableFuture<CommandResult<T>> executeAsync(String key, Request<T> request) {
        try {
            return CompletableFuture.completedFuture(execute(key, request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void removeProxy(String key) {
        buckets.invalidate(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        buckets.invalidate(key);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * No: memory answers at once, so the component asks it synchronously, without the futures that waiting with a
     * deadline on a remote store needs.
     */
    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /** The record of codes sent under one key: when it leaves the store. */
    private record SentCodes(long goneAtNanos) {
    }
}
