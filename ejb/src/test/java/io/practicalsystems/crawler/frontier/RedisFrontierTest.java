package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis frontier against the contract, on a real Redis ({@link TestRedis}) with a key prefix of its own per
 * test. The contract runs on the simulated clock (sent to the scripts in place of Redis TIME); the tests here on
 * Redis TIME itself.
 */
class RedisFrontierTest extends FrontierContract {

    final String prefix = "frontier-test-" + UUID.randomUUID() + ":";
    final RedisClient redis = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(5), 16);

    @Override
    Frontier newFrontier(ManualClock clock) {
        return new RedisFrontier(redis, prefix, bloom(), clock);
    }

    /** The seen set's Bloom filter, or null for the exact set. */
    SeenBloomFilter bloom() {
        return null;
    }

    @Override
    void assertNothingStored(String crawlId) {
        assertThat(keysStartingWith(prefix)).isEmpty();
    }

    @Override
    void close() {
        redis.close();
    }

    private List<String> keysStartingWith(String start) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(start + "*").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    @Test
    void everyKeyOfACrawlCarriesItsHashTag() {
        offerGrid(3, 2);
        frontier.complete(crawl, claimOne("w1"), FETCHED);

        assertThat(keysStartingWith(prefix)).isNotEmpty()
                .allSatisfy(key -> assertThat(key).startsWith(prefix + "crawl:{" + crawl + "}:"));
    }

    @Test
    void onRedisTimeAnExpiredLeaseIsReclaimedByAnotherWorker() throws InterruptedException {
        RedisFrontier real = new RedisFrontier(redis, prefix, bloom());
        real.offer(crawl, List.of(page("a.test", "/1")), UNLIMITED);
        Claim first = real.claim(crawl, "w1", 1, 1, UNLIMITED).get(0);
        while (real.nowMillis() < first.leaseExpiresAtMillis()) {
            Thread.sleep(1);
        }

        List<Claim> taken = real.claim(crawl, "w2", 1, LEASE, UNLIMITED);

        assertThat(taken).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo(first.url());
            assertThat(c.workerId()).isEqualTo("w2");
            assertThat(c.leaseExpiresAtMillis()).isGreaterThan(first.leaseExpiresAtMillis());
        });
        assertThat(real.complete(crawl, first, FETCHED)).isFalse();
        assertThat(real.complete(crawl, taken.get(0), FETCHED)).isTrue();
        assertThat(real.exhausted(crawl)).isTrue();
    }

    @Test
    void largeOffersAreSentInBatchesAndCountedWhole() {
        List<FrontierUrl> urls = new ArrayList<>();
        for (int i = 0; i < RedisFrontier.OFFER_BATCH * 2 + 10; i++) {
            urls.add(page(host(i % 7), "/p" + i));
        }
        urls.add(urls.get(0));

        OfferResult result = frontier.offer(crawl, urls, UNLIMITED);

        assertThat(result).isEqualTo(new OfferResult(urls.size() - 1, 1, 0, 0, 0));
        assertThat(frontier.stats(crawl).seen()).isEqualTo(urls.size() - 1);
    }

    @Test
    void seenKeysAre128BitHashes() {
        assertThat(RedisFrontier.seenKey("http://a.test/")).hasSize(22)
                .isNotEqualTo(RedisFrontier.seenKey("http://a.test/x"));
    }
}
