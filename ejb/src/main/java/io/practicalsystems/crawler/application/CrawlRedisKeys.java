package io.practicalsystems.crawler.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Every Redis key of one crawl: the frontier's ({@code crawl:{id}:…}) and the pipeline's and counters'
 * ({@code crawler:{id}:…}). Found with SCAN (never KEYS, which blocks Redis for the whole keyspace) and removed
 * with UNLINK, page by page, so a crawl of millions of hosts costs many short calls rather than one long one.
 */
@ApplicationScoped
public class CrawlRedisKeys {

    private static final int SCAN_COUNT = 1000;

    @Inject
    UnifiedJedis redis;

    /** The patterns that match exactly one crawl's keys (its id is digits only: nothing in it is a glob). */
    static List<String> patterns(String crawlId) {
        return List.of("crawl:{" + crawlId + "}:*", "crawler:{" + crawlId + "}:*");
    }

    /** Removes the crawl's keys; returns how many there were. */
    public long deleteAll(String crawlId) {
        long deleted = 0;
        for (String pattern : patterns(crawlId)) {
            ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    deleted += redis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return deleted;
    }
}
