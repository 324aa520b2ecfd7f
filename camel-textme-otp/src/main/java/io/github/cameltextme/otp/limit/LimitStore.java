package io.github.cameltextme.otp.limit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * One endpoint's access to the component's Bucket4j store. Calls made for one purpose share a deadline, the
 * endpoint's {@code connectTimeout} from when they began, so that a series of calls to a store that stopped answering
 * costs that timeout once. A store with Bucket4j's asynchronous API (Redis through Lettuce, Caffeine...) is waited for
 * only until the deadline, whatever its client's own patience; a store without it answers when its client gives up.
 * Every failure of the store becomes a {@link TextMeOtpLimitStoreException}.
 */
final class LimitStore {

    private final ProxyManager<String> proxies;
    private final RemoteBucketBuilder<String> buckets;
    private final AsyncProxyManager<String> asyncProxies;
    private final RemoteAsyncBucketBuilder<String> asyncBuckets;
    private final long timeoutMillis;

    LimitStore(ProxyManager<String> proxies, long timeoutMillis) {
        this.proxies = proxies;
        this.buckets = proxies.builder();
        this.asyncProxies = proxies.isAsyncModeSupported() ? proxies.asAsync() : null;
        this.asyncBuckets = asyncProxies != null ? asyncProxies.builder() : null;
        this.timeoutMillis = timeoutMillis;
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
        return call(operation, deadline,
                    () -> asyncBuckets.build(key, bucket).asVerbose().tryConsumeAndReturnRemaining(1),
                    () -> buckets.build(key, () -> bucket).asVerbose().tryConsumeAndReturnRemaining(1));
    }

    /** Gives one token back to the key's bucket, never above its capacity. */
    void giveBack(TextMeOtpOperation operation, String key, BucketConfiguration bucket, long deadline) {
        call(operation, deadline,
             () -> asyncBuckets.build(key, bucket).addTokens(1),
             () -> {
                 buckets.build(key, () -> bucket).addTokens(1);
                 return null;
             });
    }

    /** Removes the key's bucket: its count starts again from zero. */
    void clear(TextMeOtpOperation operation, String key, long deadline) {
        call(operation, deadline,
             () -> asyncProxies.removeProxy(key),
             () -> {
                 proxies.removeProxy(key);
                 return null;
             });
    }

    /** The store's answer, through its asynchronous API where it has one, else its synchronous one. */
    private <T> T call(TextMeOtpOperation operation, long deadline, Supplier<CompletableFuture<T>> async,
                       Supplier<T> sync) {
        try {
            return asyncProxies != null ? await(operation, async.get(), deadline) : sync.get();
        } catch (TextMeOtpLimitStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(operation, e);
        }
    }

    private <T> T await(TextMeOtpOperation operation, CompletableFuture<T> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TextMeOtpLimitStoreException(
                    operation, "no answer within " + timeoutMillis + " ms (the endpoint's connectTimeout)", null);
        } catch (ExecutionException e) {
            throw failed(operation, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextMeOtpLimitStoreException(operation, "interrupted while waiting for it", e);
        }
    }

    private static TextMeOtpLimitStoreException failed(TextMeOtpOperation operation, Throwable cause) {
        return new TextMeOtpLimitStoreException(operation, "it failed with " + cause.getClass().getName(), cause);
    }
}
