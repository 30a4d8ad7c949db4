package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.redis.TestRedis;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Against a real Redis (see {@link TestRedis}); each test uses a crawl id of its own. */
class CrawlCountersTest {

    private static RedisClient redis;
    private static CrawlCounters counters;

    @BeforeAll
    static void connect() {
        redis = RedisClient.create(TestRedis.url());
        CrawlSettings settings = new CrawlSettings();
        settings.rateWindowSeconds = 5;
        counters = new CrawlCounters();
        counters.redis = redis;
        counters.settings = settings;
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static String crawlId() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void duplicatesAndErrorsByKindAreCountedAndUnknownKindsFoldIntoOther() {
        String crawl = crawlId();
        counters.recordDuplicate(crawl);
        counters.recordDuplicate(crawl);
        counters.recordError(crawl, "timeout");
        counters.recordError(crawl, "dns");
        counters.recordError(crawl, "timeout");
        counters.recordError(crawl, "Not A Slug");
        counters.recordError(crawl, null);
        CrawlCounters.Counts counts = counters.snapshot(crawl);
        assertThat(counts.duplicates()).isEqualTo(2);
        assertThat(counts.errors()).isEqualTo(Map.of("timeout", 2L, "dns", 1L, "other", 2L));
        counters.delete(crawl);
        assertThat(counters.snapshot(crawl).errors()).isEmpty();
    }

    @Test
    void pagesPerSecondIsTheFetchesOfTheLastWholeSecondsOverTheWindow() {
        String crawl = crawlId();
        // Fetches recorded in earlier seconds, written where the script puts them (by Redis time).
        long second = Long.parseLong((String) redis.eval("return redis.call('TIME')[1]"));
        redis.setex(CrawlCounters.rateKeyPrefix(crawl) + (second - 2), 60, "7");
        redis.setex(CrawlCounters.rateKeyPrefix(crawl) + (second - 3), 60, "3");
        redis.setex(CrawlCounters.rateKeyPrefix(crawl) + (second - 60), 60, "1000"); // outside the window
        assertThat(counters.snapshot(crawl).pagesPerSecond()).isEqualTo(10.0 / 5);
    }
}
