package io.github.cameltextme.otp.limit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.cameltextme.otp.TextMeOtpLimit;

/**
 * One limit as an endpoint set it: the Bucket4j bucket that enforces it, and its setting as it appears in the store
 * keys, so that endpoints with the same setting count together and a changed setting starts new counts.
 */
record LimitRule(TextMeOtpLimit limit, BucketConfiguration bucket, String setting) {

    /**
     * At most {@code count} in each window, the window starting with the first counted exchange of a key: a bucket of
     * {@code count} tokens, filled up again whole when the window has passed.
     */
    static LimitRule countPerWindow(TextMeOtpLimit limit, String name, int count, Duration window) {
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(b -> b.capacity(count).refillIntervally(count, window))
                .build();
        return new LimitRule(limit, bucket, name + ":" + count + "/" + window);
    }

    /** At least {@code interval} between two exchanges: a bucket of one token that takes the interval to come back. */
    static LimitRule spacing(TextMeOtpLimit limit, String name, Duration interval) {
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(b -> b.capacity(1).refillGreedy(1, interval))
                .build();
        return new LimitRule(limit, bucket, name + ":" + interval);
    }
}
