package io.github.cameltextme.otp.limit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * One endpoint's access to the component's Bucket4j store: each call waits for the store at most the endpoint's
 * {@code connectTimeout} (through the store's asynchronous API, where it has one, so that a Redis client's own minute
 * of patience does not apply), and every failure of the store becomes a {@link TextMeOtpLimitStoreException}.
 */
final class LimitStore {

    private final ProxyManager<String> proxies;
    private final AsyncProxyManager<String> asyncProxies;
    private final long timeoutMillis;

    LimitStore(ProxyManager<String> proxies, long timeoutMillis) {
        this.proxies = proxies;
        this.asyncProxies = proxies.isAsyncModeSupported() ? proxies.asAsync() : null;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Takes one token of the key's bucket, creating the bucket with this configuration if the store has none; the
     * answer tells, when no token was left, which bandwidth had none.
     */
    VerboseResult<ConsumptionProbe> take(TextMeOtpOperation operation, String key, BucketConfiguration bucket) {
        if (asyncProxies != null) {
            return await(operation,
                         asyncProxies.builder().build(key, bucket).asVerbose().tryConsumeAndReturnRemaining(1));
        }
        try {
            return proxies.builder().build(key, () -> bucket).asVerbose().tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw failed(operation, e);
        }
    }

    /** Gives one token back to the key's bucket, never above its capacity. */
    void giveBack(TextMeOtpOperation operation, String key, BucketConfiguration bucket) {
        if (asyncProxies != null) {
            await(operation, asyncProxies.builder().build(key, bucket).addTokens(1));
            return;
        }
        try {
            proxies.builder().build(key, () -> bucket).addTokens(1);
        } catch (RuntimeException e) {
            throw failed(operation, e);
        }
    }

    /** Removes the key's bucket: its count starts again from zero. */
    void clear(TextMeOtpOperation operation, String key) {
        if (asyncProxies != null) {
            await(operation, asyncProxies.removeProxy(key));
            return;
        }
        try {
            proxies.removeProxy(key);
        } catch (RuntimeException e) {
            throw failed(operation, e);
        }
    }

    private <T> T await(TextMeOtpOperation operation, CompletableFuture<T> answer) {
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
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
