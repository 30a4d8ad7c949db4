package io.practicalsystems.feed;

import io.practicalsystems.platform.testkit.TestServers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The IT Redis seen from the tests. The shared server shares its Redis with other IT classes (and their ID leases),
 * so instead of FLUSHALL the feed tests drop every {@code feed:} key: for the feed, the same loss.
 */
final class FeedRedis {

    private FeedRedis() {
    }

    static int dropEveryFeedKey() {
        URI uri = URI.create(TestServers.redisUrl());
        try (Jedis redis = new Jedis(uri)) {
            List<String> keys = new ArrayList<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, new ScanParams().match("feed:*").count(1000));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
            return keys.size();
        }
    }
}
