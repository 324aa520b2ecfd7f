package io.github.cameltextme.otp.limit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
 * a bucket; they count towards {@code maxKeys} as buckets do.
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
     * A store of at most {@code maxKeys} keys whose buckets, and their expiry, read this wall clock: tests let a window
     * pass without waiting for it.
     */
    public InMemoryLimitStore(long maxKeys, TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock));
        this.maxKeys = maxKeys;
        this.clock = clock;
        // the cache's upkeep runs on the calling thread: no thread of the common pool outlives the component
        this.buckets = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(clock::currentTimeNanos)
                .expireAfter(Expiry.writing((String key, RemoteBucketState state)
                        -> Duration.ofNanos(state.calculateFullRefillingTime(clock.currentTimeNanos()))))
                .build();
        this.sentCodes = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(clock::currentTimeNanos)
                .expireAfter(Expiry.writing((String key, SentCodes sent)
                        -> Duration.ofNanos(sent.untilNanos() - clock.currentTimeNanos())))
                .build();
    }

    /** The keys held now, once those whose window has passed are dropped. */
    public long keys() {
        buckets.cleanUp();
        sentCodes.cleanUp();
        return buckets.estimatedSize() + sentCodes.estimatedSize();
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
     * Records a code sent under the key, until {@code life} from now; a key new to a full store fails with
     * {@link LimitStoreFullException}.
     */
    void recordCodeSent(String key, Duration life) {
        long until = clock.currentTimeNanos() + life.toNanos();
        boolean full = isFull();
        sentCodes.asMap().compute(key, (k, held) -> {
            if (held == null && full) {
                throw new LimitStoreFullException(maxKeys);
            }
            return new SentCodes(held == null ? 1 : held.sends() + 1, until);
        });
    }

    /** Whether a code sent under the key is recorded. */
    boolean holdsCodeSent(String key) {
        return sentCodes.getIfPresent(key) != null;
    }

    /** Takes back one send's record of a code: the key leaves once no send that recorded it is left. */
    void forgetCodeSent(String key) {
        sentCodes.asMap().computeIfPresent(
                key, (k, held) -> held.sends() == 1 ? null : new SentCodes(held.sends() - 1, held.untilNanos()));
    }

    /** Whether the store holds its bound of keys, once those whose window has passed are dropped. */
    private boolean isFull() {
        if (buckets.estimatedSize() + sentCodes.estimatedSize() < maxKeys) {
            return false;
        }
        buckets.cleanUp();
        sentCodes.cleanUp();
        return buckets.estimatedSize() + sentCodes.estimatedSize() >= maxKeys;
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

    /** The sends that recorded a code under one key, and until when the last of them keeps it. */
    private record SentCodes(int sends, long untilNanos) {
    }
}
