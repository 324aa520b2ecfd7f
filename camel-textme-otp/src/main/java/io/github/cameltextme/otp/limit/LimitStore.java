package io.github.cameltextme.otp.limit;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's access to one Bucket4j store. Calls made for one purpose share a deadline, the endpoint's
 * {@code connectTimeout} from when they began, so that a series of calls to a store that stopped answering costs that
 * timeout once; and once a call found the store failing, the next calls fail at once until the store answers again
 * ({@link StoreAvailability}). A store with Bucket4j's asynchronous API (Redis through Lettuce) is waited for
 * only until the deadline, whatever its client's own patience, and a place it took after the exchange had given up on
 * it is given back as soon as its answer comes: a store that stalls, or whose client replays its commands on
 * reconnecting, keeps no place for an exchange that failed closed. A store without that API is waited for until it
 * answers or its own client gives up. This JVM's memory ({@link InMemoryLimitStore}), which answers at once, is asked
 * directly, each call in one pass, and holds the records of codes sent as plain entries.
 * <p>
 * A store that is unreachable fails with {@link StoreUnreachableException}; one that is full, with a
 * {@link TextMeOtpLimitStoreException}.
 */
final class LimitStore {

    private static final Logger LOG = LoggerFactory.getLogger(LimitStore.class);

    private final SyncLimitCommands sync;
    private final AsyncProxyManager<String> asyncProxies;
    private final RemoteAsyncBucketBuilder<String> asyncBuckets;
    private final StoreAvailability availability;
    private final long timeoutMillis;
    private final LongAdder placesGivenBackLate;

    /** @param placesGivenBackLate counts the places taken after an exchange gave up on the store, once given back */
    LimitStore(ProxyManager<String> proxies, StoreAvailability availability, long timeoutMillis,
               LongAdder placesGivenBackLate) {
        this.sync = SyncLimitCommands.of(proxies);
        // memory has no asynchronous API: it answers at once
        this.asyncProxies = proxies.isAsyncModeSupported() ? proxies.asAsync() : null;
        this.asyncBuckets = asyncProxies != null ? asyncProxies.builder() : null;
        this.availability = availability;
        this.timeoutMillis = timeoutMillis;
        this.placesGivenBackLate = placesGivenBackLate;
    }

    /** The deadline of calls that begin now. */
    long deadlineFromNow() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * Takes one token of the key's bucket, creating the bucket with this configuration if the store has none; the
     * answer tells, when no token was left, which bandwidth had none.
     */
    VerboseResult<ConsumptionProbe> take(TextMeOtpOperation operation, String key, BucketConfiguration bucket,
                                         long deadline) {
        return ask(operation, deadline,
                   () -> asyncBuckets.build(key, bucket).asVerbose().tryConsumeAndReturnRemaining(1),
                   () -> sync.tryTakeOne(key, bucket),
                   taken -> taken.getValue().isConsumed(), key, bucket);
    }

    /**
     * Records a code sent under the key: a plain entry when the store is this JVM's memory, else the record's bucket,
     * taken whatever it holds.
     */
    void recordCodeSent(TextMeOtpOperation operation, String key, SentCodeRecord record, long deadline) {
        ask(operation, deadline,
            () -> asyncBuckets.build(key, record.bucket()).consumeIgnoringRateLimits(1).thenAccept(penalty -> { }),
            () -> {
                sync.recordCodeSent(key, record);
                return null;
            },
            recorded -> true, key, record.bucket());
    }

    /** Whether the store holds a record of a code sent under the key; asking creates none. */
    boolean holdsCodeSent(TextMeOtpOperation operation, String key, long deadline) {
        return ask(operation, deadline,
                   () -> asyncProxies.getProxyConfiguration(key).thenApply(Optional::isPresent),
                   () -> sync.holdsCodeSent(key),
                   held -> false, key, null);
    }

    /** Takes back what one send added to the record of a code under the key, as giving back its token would. */
    void forgetCodeSent(TextMeOtpOperation operation, String key, SentCodeRecord record, long deadline) {
        giveBack(operation, key, record.bucket(), deadline, () -> sync.forgetCodeSent(key, record));
    }

    /** Whether the store holds a bucket for the key; asking creates none. */
    boolean holds(TextMeOtpOperation operation, String key, long deadline) {
        return ask(operation, deadline,
                   () -> asyncProxies.getProxyConfiguration(key).thenApply(Optional::isPresent),
                   () -> sync.holds(key),
                   held -> false, key, null);
    }

    /** Removes the key's bucket: its count starts again from zero. */
    void clear(TextMeOtpOperation operation, String key, long deadline) {
        ask(operation, deadline,
            () -> asyncProxies.removeProxy(key),
            () -> {
                sync.remove(key);
                return null;
            },
            removed -> false, key, null);
    }

    /** Gives one token back to the key's bucket, never above its capacity. */
    void giveBack(TextMeOtpOperation operation, String key, BucketConfiguration bucket, long deadline) {
        giveBack(operation, key, bucket, deadline, () -> sync.giveBackOne(key, bucket));
    }

    /**
     * Gives one token back to the key's bucket. To a store with Bucket4j's asynchronous API it is sent even while the
     * store is known to be down, as its client may deliver it when the store is back, and waited for only while the
     * store answers; a store without that API is asked, through {@code syncGiveBack}, as for any other call.
     */
    private void giveBack(TextMeOtpOperation operation, String key, BucketConfiguration bucket, long deadline,
                          Runnable syncGiveBack) {
        if (asyncProxies == null) {
            ask(operation, deadline, null, () -> {
                syncGiveBack.run();
                return null;
            }, given -> false, key, bucket);
            return;
        }
        CompletableFuture<Void> given = giveBackInBackground(key, bucket);
        if (!availability.isDown()) {
            try {
                answerOf(operation, given, deadline, ignored -> false, key, bucket);
            } catch (StoreUnreachableException e) {
                throw unreachable(e);
            }
        }
    }

    /**
     * The store's answer, through its asynchronous API where it has one, else its synchronous one. When the answer
     * comes after the deadline and {@code tookAPlace} says it took one, that place is given back then.
     */
    private <T> T ask(TextMeOtpOperation operation, long deadline, Supplier<CompletableFuture<T>> async,
                      Supplier<T> sync, Predicate<T> tookAPlace, String key, BucketConfiguration bucket) {
        if (availability.isDown() && !availability.probeIfDue(key, deadline)) {
            throw new StoreUnreachableException(
                    "it has not answered since a call failed " + availability.downForMillis() + " ms ago", null);
        }
        T answer;
        try {
            answer = asyncProxies != null
                    ? answerOf(operation, async.get(), deadline, tookAPlace, key, bucket)
                    : sync.get();
        } catch (LimitStoreFullException e) {
            throw TextMeOtpLimitStoreException.full(operation, e.getMessage());
        } catch (TextMeOtpLimitStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
        availability.answered();
        return answer;
    }

    private <T> T answerOf(TextMeOtpOperation operation, CompletableFuture<T> answer, long deadline,
                           Predicate<T> tookAPlace, String key, BucketConfiguration bucket) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            giveBackWhenAnswered(answer, tookAPlace, key, bucket);
            throw new StoreUnreachableException(
                    "no answer within " + timeoutMillis + " ms (the endpoint's connectTimeout)", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LimitStoreFullException full) {
                throw full;
            }
            throw failed(e.getCause());
        } catch (InterruptedException e) {
            giveBackWhenAnswered(answer, tookAPlace, key, bucket);
            Thread.currentThread().interrupt();
            throw new TextMeOtpLimitStoreException(operation, "interrupted while waiting for it", e);
        }
    }

    /** Once the late answer comes, gives back the place it took: the exchange it was for has failed closed. */
    private <T> void giveBackWhenAnswered(CompletableFuture<T> answer, Predicate<T> tookAPlace, String key,
                                          BucketConfiguration bucket) {
        answer.thenAccept(late -> {
            if (tookAPlace.test(late)) {
                giveBackInBackground(key, bucket).thenRun(placesGivenBackLate::increment);
            }
        });
    }

    private CompletableFuture<Void> giveBackInBackground(String key, BucketConfiguration bucket) {
        CompletableFuture<Void> given = asyncBuckets.build(key, bucket).addTokens(1);
        given.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("A place in the textme-otp limits could not be given back, and counts until its window has"
                         + " passed: the store failed with {}", failure.getClass().getName());
            }
        });
        return given;
    }

    /** The failure as a store that is unreachable, which from now on it is known to be. */
    private StoreUnreachableException unreachable(RuntimeException failure) {
        StoreUnreachableException unreachable = failure instanceof StoreUnreachableException known
                ? known
                : failed(failure);
        availability.failed(unreachable.getMessage());
        return unreachable;
    }

    private static StoreUnreachableException failed(Throwable cause) {
        return new StoreUnreachableException("it failed with " + cause.getClass().getName(), cause);
    }
}
