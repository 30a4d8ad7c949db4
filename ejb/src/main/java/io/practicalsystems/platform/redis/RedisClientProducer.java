package io.practicalsystems.platform.redis;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import redis.clients.jedis.UnifiedJedis;

/** Lets any bean {@code @Inject UnifiedJedis} (or {@code @Inject @LowLatency UnifiedJedis}): pools owned by {@link RedisBackend}. */
@ApplicationScoped
public class RedisClientProducer {

    @EJB
    RedisBackend backend;

    @Produces
    UnifiedJedis redis() {
        return backend.client();
    }

    @Produces
    @LowLatency
    UnifiedJedis lowLatencyRedis() {
        return backend.lowLatencyClient();
    }
}
