package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.dedup.ContentFingerprint;
import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The duplicate index in real Redis: exact by body hash, near by SimHash bands and Hamming distance. */
class ContentIndexTest {

    private final RedisClient redis = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(5), 4);
    private final String crawl = UUID.randomUUID().toString();
    private final ContentIndex index = new ContentIndex(redis, "content-index-test:", 3);

    @AfterEach
    void close() {
        redis.del(redis.keys("content-index-test:crawler:{" + crawl + "}:*").toArray(String[]::new));
        redis.close();
    }

    private static ContentFingerprint print(String sha, long simHash) {
        return new ContentFingerprint(sha, simHash);
    }

    @Test
    void theSameBytesAtAnotherUrlAreAnExactDuplicateOfTheFirstUrl() {
        assertThat(index.checkAndRecord(crawl, "http://a.test/1", print("aa", 0x1234L))).isNull();

        assertThat(index.checkAndRecord(crawl, "http://b.test/1", print("aa", 0x1234L)))
                .isEqualTo(new ContentIndex.Duplicate(true, "http://a.test/1"));
    }

    @Test
    void fingerprintsWithinTheDistanceAreNearDuplicatesAndOneBitMoreIsNot() {
        long original = 0x0123_4567_89ab_cdefL;
        index.checkAndRecord(crawl, "http://a.test/original", print("01", original));

        ContentIndex.Duplicate threeBits = index.checkAndRecord(crawl, "http://a.test/near",
                print("02", original ^ 0x8000_0000_0001_0001L));
        ContentIndex.Duplicate fourBits = index.checkAndRecord(crawl, "http://a.test/far",
                print("03", original ^ 0x8000_0001_0001_0001L));

        assertThat(threeBits).isEqualTo(new ContentIndex.Duplicate(false, "http://a.test/original"));
        assertThat(fourBits).isNull();
    }

    @Test
    void aUrlFetchedAgainIsItselfNotADuplicate() {
        index.checkAndRecord(crawl, "http://a.test/1", print("aa", 0xffL));

        assertThat(index.checkAndRecord(crawl, "http://a.test/1", print("aa", 0xffL))).isNull();
    }

    @Test
    void pagesWithoutTextAreComparedExactlyOnly() {
        index.checkAndRecord(crawl, "http://a.test/empty1", print("e1", 0));

        assertThat(index.checkAndRecord(crawl, "http://a.test/empty2", print("e2", 0))).isNull();
    }

    @Test
    void crawlsDoNotSeeEachOthersPages() {
        index.checkAndRecord(crawl, "http://a.test/1", print("aa", 0x77L));

        assertThat(index.checkAndRecord(crawl + "-other", "http://b.test/1", print("aa", 0x77L))).isNull();
        redis.del(redis.keys("content-index-test:crawler:{" + crawl + "-other}:*").toArray(String[]::new));
    }
}
