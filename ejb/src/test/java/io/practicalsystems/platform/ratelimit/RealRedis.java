package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.redis.RedisBackend;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The real Redis at 127.0.0.1:6379 (REDIS_URL or -Dredis.url overrides), and test-run-unique key prefixes. */
final class RealRedis {

    static final String URL = System.getProperty("redis.url",
            System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));

    private RealRedis() {
    }

    /** A client with a pool of its own, as one application server has. */
    static RedisClient newServerPool() {
        return RedisBackend.pooledClient(URL, Duration.ofSeconds(2), 8);
    }

    static String uniquePrefix() {
        return "rl-test-" + UUID.randomUUID() + ":";
    }

    static void deleteKeys(UnifiedJedis redis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
