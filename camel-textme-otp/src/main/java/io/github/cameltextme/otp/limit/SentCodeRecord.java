package io.github.cameltextme.otp.limit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * Not a limit but the record that a code was sent to a phone, which lets its wrong codes be counted: each send renews
 * it, nothing refuses it, and it lives until {@code life} after the last send (a little longer after several sends
 * close together). In a shared store it is a bucket of one token that takes {@code life} to come back, taken whatever
 * it holds; in this JVM's memory, a plain expiring entry of the {@link InMemoryLimitStore} that lasts as that bucket
 * would.
 *
 * @param life   how long after a send its code counts as sent
 * @param bucket the record as a bucket, for a shared store
 */
record SentCodeRecord(Duration life, BucketConfiguration bucket) {

    static SentCodeRecord lasting(Duration life) {
        return new SentCodeRecord(life, BucketConfiguration.builder()
                .addLimit(b -> b.capacity(1).refillGreedy(1, life))
                .build());
    }
}
