package io.github.cameltextme.examples.springboot;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The send limits in Redis, when {@code textme.limits.redis-url} ({@code TEXTME_LIMITS_REDIS_URL}) is set: a Lettuce
 * client, one connection and Bucket4j's store on it. The store is the only {@link ProxyManager} bean, so Camel
 * autowires it as the textme-otp component's {@code limitStore}; every instance using the same Redis then counts in the
 * same buckets. The connection and the client close with the application context, after Camel has stopped.
 * Without the property the component counts in this JVM's memory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisLimitsConfiguration.RedisUrlSet.class)
public class RedisLimitsConfiguration {

    static final String REDIS_URL_PROPERTY = "textme.limits.redis-url";

    /** The Lettuce client for the URL, e.g. {@code redis://127.0.0.1:6379}; its threads stop with the context. */
    @Bean(destroyMethod = "shutdown")
    public RedisClient textMeLimitsRedisClient(@Value("${" + REDIS_URL_PROPERTY + "}") String redisUrl) {
        return RedisClient.create(redisUrl.strip());
    }

    /** The connection the store runs on; a Redis that does not answer here fails the start-up. */
    @Bean(destroyMethod = "close")
    public StatefulRedisConnection<String, byte[]> textMeLimitsRedisConnection(RedisClient client) {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    /** Bucket4j's store on Redis; each key expires once its bucket is full again. */
    @Bean
    public ProxyManager<String> textMeLimitStore(StatefulRedisConnection<String, byte[]> connection) {
        return Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Matches when the Redis URL property is set and not blank. */
    static final class RedisUrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(REDIS_URL_PROPERTY));
        }
    }
}
