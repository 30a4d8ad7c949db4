package io.practicalsystems.feed.cache;

import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Base of the cache-tier tests: a real Redis ({@link TestRedis}), a key prefix of their own, and {@link #flush()},
 * which drops every key of the prefix — what FLUSHALL does to the tiers, without touching other tests' keys.
 */
abstract class RedisTierTest {

    final FeedKeys keys = new FeedKeys("feed-test-" + UUID.randomUUID() + ":");
    final RedisClient redis = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(5), 32);

    void flush() {
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(keys.prefix() + "*").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        if (!found.isEmpty()) {
            redis.del(found.toArray(String[]::new));
        }
    }

    @AfterEach
    void dropKeys() {
        flush();
        redis.close();
    }
}
