package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Redis frontier with a Bloom filter as its seen set: the whole contract (the filter is sized so that no URL of
 * a test is a false positive), and the false-positive rate measured against the configured one.
 */
class RedisBloomFrontierTest extends RedisFrontierTest {

    @Override
    SeenBloomFilter bloom() {
        return new SeenBloomFilter(100_000, 1e-6);
    }

    @Test
    void theMeasuredFalsePositiveRateAtTheExpectedLoadIsTheConfiguredOne() {
        SeenBloomFilter onePercent = new SeenBloomFilter(10_000, 0.01);
        RedisFrontier bloomed = new RedisFrontier(redis, prefix, onePercent);
        FrontierLimits depth0 = new FrontierLimits(Long.MAX_VALUE, 0, Long.MAX_VALUE, Integer.MAX_VALUE);
        OfferResult loaded = bloomed.offer(crawl, urls("http://a.test/", 10_000, 0), depth0);

        // deeper than allowed: each new URL is either taken for seen (a false positive) or rejected, never added
        OfferResult probe = bloomed.offer(crawl, urls("http://b.test/", 10_000, 1), depth0);

        double measured = probe.alreadySeen() / 10_000.0;
        System.out.printf("Bloom filter m=%d bits k=%d, 10,000 URLs admitted: %d; false positives on 10,000 new: "
                        + "%.4f (configured 0.01, estimated from the fill %.4f)%n", onePercent.bits(),
                onePercent.hashes(), loaded.admitted(), measured, bloomed.seenFalsePositiveRate(crawl));
        assertThat(loaded.admitted() + loaded.alreadySeen()).isEqualTo(10_000);
        assertThat(loaded.alreadySeen()).as("false positives while filling").isLessThan(100);
        assertThat(probe.alreadySeen() + probe.rejectedDepth()).isEqualTo(10_000);
        assertThat(measured).isBetween(0.005, 0.015);
        assertThat(bloomed.seenFalsePositiveRate(crawl)).isBetween(0.005, 0.015);
    }

    private static List<FrontierUrl> urls(String base, int count, int depth) {
        List<FrontierUrl> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(FrontierUrl.page(base + i, base.substring(7, 13), depth, null));
        }
        return urls;
    }

    @Test
    void aBloomFilterIsSizedTheUsualWayAndBounded() {
        SeenBloomFilter million = new SeenBloomFilter(1_000_000, 0.01);

        assertThat(million.bits()).isBetween(9_585_000L, 9_586_000L);
        assertThat(million.hashes()).isEqualTo(7);
        assertThat(million.positions("http://a.test/")).isEqualTo(million.positions("http://a.test/"))
                .matches("\\d+(,\\d+){6}");
        assertThatThrownBy(() -> new SeenBloomFilter(1_000_000_000_000L, 0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeenBloomFilter(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCrawlUsesTheSeenSetItsDefinitionChose() {
        String exactCrawl = crawl + "1";
        SeenBloomFilter bloom = new SeenBloomFilter(1000, 0.01);
        RedisFrontier perCrawl = RedisFrontier.perCrawlSeenSets(redis, prefix,
                id -> id.equals(crawl) ? bloom : null);
        List<FrontierUrl> same = urls("http://c.test/", 50, 0);

        assertThat(perCrawl.offer(crawl, same, UNLIMITED).admitted()).isEqualTo(50);
        assertThat(perCrawl.offer(exactCrawl, same, UNLIMITED).admitted()).isEqualTo(50);
        assertThat(perCrawl.offer(crawl, same, UNLIMITED).alreadySeen()).isEqualTo(50);

        FrontierKeys bloomed = perCrawl.keys(crawl);
        FrontierKeys exact = perCrawl.keys(exactCrawl);
        assertThat(redis.exists(bloomed.seenBloom())).isTrue();
        assertThat(redis.exists(bloomed.seen())).isFalse();
        assertThat(redis.strlen(bloomed.seenBloom())).isLessThanOrEqualTo((bloom.bits() + 7) / 8);
        assertThat(redis.scard(exact.seen())).isEqualTo(50);
        assertThat(redis.exists(exact.seenBloom())).isFalse();
        assertThat(perCrawl.seenFalsePositiveRate(crawl)).isPositive().isLessThan(0.01);
        assertThat(perCrawl.seenFalsePositiveRate(exactCrawl)).isZero();
        perCrawl.delete(exactCrawl);
    }
}
