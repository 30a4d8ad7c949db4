package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The unit tests' Redis ({@link TestRedis}: real when it answers, else embedded), and run-unique key prefixes. */
final class RealRedis {

    static final String URL = TestRedis.url();

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
