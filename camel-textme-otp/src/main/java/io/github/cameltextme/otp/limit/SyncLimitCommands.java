package io.github.cameltextme.otp.limit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;

/**
 * The calls of a {@link LimitStore} to a store asked synchronously: this JVM's memory, directly and each call in one
 * pass, where the record of a code sent is a plain entry; or a store through Bucket4j's {@link ProxyManager}, where
 * that record is a bucket. The choice is made once, as the store is wrapped.
 */
interface SyncLimitCommands {

    /** The calls to the store: its own when it is this JVM's memory, else through its proxies. */
    static SyncLimitCommands of(ProxyManager<String> store) {
        return store instanceof InMemoryLimitStore memory ? new Memory(memory) : new Proxies(store);
    }

    /** Takes one token of the key's bucket, creating the bucket with this configuration if the store has none. */
    VerboseResult<ConsumptionProbe> tryTakeOne(String key, BucketConfiguration bucket);

    /** Gives one token back to the key's bucket, never above its capacity. */
    void giveBackOne(String key, BucketConfiguration bucket);

    /** Whether the store holds a bucket for the key; asking creates none. */
    boolean holds(String key);

    /** Removes the key's bucket. */
    void remove(String key);

    /** Records a code sent under the key. */
    void recordCodeSent(String key, SentCodeRecord record);

    /** Whether a code sent under the key is recorded; asking creates no record. */
    boolean holdsCodeSent(String key);

    /** Takes back what one send added to the record under the key. */
    void forgetCodeSent(String key, SentCodeRecord record);

    /** This JVM's memory, asked through its own one-pass methods. */
    final class Memory implements SyncLimitCommands {

        private final InMemoryLimitStore memory;

        Memory(InMemoryLimitStore memory) {
            this.memory = memory;
        }

        @Override
        public VerboseResult<ConsumptionProbe> tryTakeOne(String key, BucketConfiguration bucket) {
            return memory.tryTakeOne(key, bucket);
        }

        @Override
        public void giveBackOne(String key, BucketConfiguration bucket) {
            memory.giveBackOne(key, bucket);
        }

        @Override
        public boolean holds(String key) {
            return memory.holds(key);
        }

        @Override
        public void remove(String key) {
            memory.removeProxy(key);
        }

        @Override
        public void recordCodeSent(String key, SentCodeRecord record) {
            memory.recordCodeSent(key, record.life());
        }

        @Override
        public boolean holdsCodeSent(String key) {
            return memory.holdsCodeSent(key);
        }

        @Override
        public void forgetCodeSent(String key, SentCodeRecord record) {
            memory.forgetCodeSent(key, record.life());
        }
    }

    /** A store through Bucket4j's synchronous proxies; the record of a code sent is its bucket. */
    final class Proxies implements SyncLimitCommands {

        private final ProxyManager<String> proxies;
        private final RemoteBucketBuilder<String> buckets;

        Proxies(ProxyManager<String> proxies) {
            this.proxies = proxies;
            this.buckets = proxies.builder();
        }

        @Override
        public VerboseResult<ConsumptionProbe> tryTakeOne(String key, BucketConfiguration bucket) {
            return buckets.build(key, () -> bucket).asVerbose().tryConsumeAndReturnRemaining(1);
        }

        @Override
        public void giveBackOne(String key, BucketConfiguration bucket) {
            buckets.build(key, () -> bucket).addTokens(1);
        }

        @Override
        public boolean holds(String key) {
            return proxies.getProxyConfiguration(key).isPresent();
        }

        @Override
        public void remove(String key) {
            proxies.removeProxy(key);
        }

        /** Takes the record's token whatever the bucket holds. */
        @Override
        public void recordCodeSent(String key, SentCodeRecord record) {
            buckets.build(key, record::bucket).consumeIgnoringRateLimits(1);
        }

        @Override
        public boolean holdsCodeSent(String key) {
            return holds(key);
        }

        @Override
        public void forgetCodeSent(String key, SentCodeRecord record) {
            giveBackOne(key, record.bucket());
        }
    }
}
