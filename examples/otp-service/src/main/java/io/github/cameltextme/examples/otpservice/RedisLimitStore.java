package io.github.cameltextme.examples.otpservice;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The send limits in Redis: a Lettuce client and Bucket4j's store on it, which the textme-otp component takes as its
 * {@code limitStore}. Every instance of the service that uses the same Redis counts in the same buckets, and each key
 * expires once its bucket is full again.
 */
final class RedisLimitStore implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> proxyManager;
    private final String address;

    private RedisLimitStore(RedisClient client, StatefulRedisConnection<String, byte[]> connection, String address) {
        this.client = client;
        this.connection = connection;
        this.address = address;
        this.proxyManager = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Connects to the Redis of {@code redisUrl}; fails at once when it does not answer. */
    static RedisLimitStore connect(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisLimitStore(client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)),
                                       uri.getHost() + ":" + uri.getPort());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    /** The store for the component's {@code limitStore} option. */
    ProxyManager<String> proxyManager() {
        return proxyManager;
    }

    /** {@code host:port}, without the URL's credentials, for the start-up lines. */
    String address() {
        return address;
    }

    /** Closes the connection and the client's threads. */
    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
