package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import io.practicalsystems.testsupport.Gens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The Lua scripts against the reference: any sequence of offers, claims, completions (current, stale or repeated),
 * holds checks, clock steps and views gives the same answers from {@link RedisFrontier} as from
 * {@link InMemoryFrontier} on one simulated clock — the same claims, tokens included. Few hosts, so the Redis
 * claim's scan bound never matters.
 */
class RedisFrontierModelPropertyTest {

    private static final FrontierLimits OFFER_LIMITS = new FrontierLimits(10, 1, 4, 2);

    private final String prefix = "frontier-model-" + UUID.randomUUID() + ":";
    private final RedisClient redis = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(5), 2);
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void closeRedis() {
        redis.close();
    }

    @Test
    void redisAnswersEveryOperationAsTheReferenceDoes() {
        qt().withExamples(100)
                .forAll(Gens.listsOf(integers().between(0, 1_000_000), 1, 80))
                .checkAssert(operations -> assertSameAnswers(operations, null));
    }

    /** With a Bloom filter this sparse, no URL of a run is a false positive: the answers are the same too. */
    @Test
    void withABloomFilterRedisAnswersAsTheReferenceDoes() {
        SeenBloomFilter bloom = new SeenBloomFilter(1_000, 1e-9);
        qt().withExamples(40)
                .forAll(Gens.listsOf(integers().between(0, 1_000_000), 1, 80))
                .checkAssert(operations -> assertSameAnswers(operations, bloom));
    }

    private void assertSameAnswers(List<Integer> operations, SeenBloomFilter bloom) {
        ManualClock clock = new ManualClock(FrontierUnderTest.T0);
        Frontier reference = new InMemoryFrontier(clock);
        Frontier redisFrontier = new RedisFrontier(redis, prefix, bloom, clock);
        String crawl = "run-" + runs.incrementAndGet();
        List<Claim> handedOut = new ArrayList<>();
        try {
            for (int i = 0; i < operations.size(); i++) {
                int op = operations.get(i);
                int arg = op / 5;
                String step = "operation " + i + " (" + op + ")";
                switch (op % 5) {
                    case 0 -> {
                        List<FrontierUrl> urls = List.of(url(arg), url(arg / 7));
                        assertThat(redisFrontier.offer(crawl, urls, OFFER_LIMITS)).as(step)
                                .isEqualTo(reference.offer(crawl, urls, OFFER_LIMITS));
                    }
                    case 1 -> {
                        String worker = "w" + arg % 2;
                        int max = 1 + arg / 2 % 3;
                        long lease = 50 + arg / 6 % 3 * 100;
                        FrontierLimits limits = new FrontierLimits(10, 1, 2 + arg / 18 % 3, 2);
                        List<Claim> claims = reference.claim(crawl, worker, max, lease, limits);
                        assertThat(redisFrontier.claim(crawl, worker, max, lease, limits)).as(step)
                                .isEqualTo(claims);
                        handedOut.addAll(claims);
                    }
                    case 2 -> {
                        if (!handedOut.isEmpty()) {
                            Claim claim = handedOut.get(arg % handedOut.size());
                            assertThat(redisFrontier.leaseLeftMillis(crawl, claim)).as(step)
                                    .isEqualTo(reference.leaseLeftMillis(crawl, claim));
                            Completion completion =
                                    new Completion(Outcome.values()[arg / 7 % 5], arg / 35 % 3 * 40L, arg / 105 % 3 * 30L);
                            assertThat(redisFrontier.complete(crawl, claim, completion)).as(step)
                                    .isEqualTo(reference.complete(crawl, claim, completion));
                        }
                    }
                    case 3 -> clock.advance(arg % 300);
                    default -> assertSameViews(reference, redisFrontier, crawl, 1 + arg % 3, step);
                }
            }
            assertSameViews(reference, redisFrontier, crawl, 2, "at the end");
        } finally {
            redisFrontier.delete(crawl);
        }
    }

    /** Up to 4 hosts, 6 paths each, depth 0..2, priority 0..2, two path keys per host or none. */
    private static FrontierUrl url(int arg) {
        String host = "h" + arg % 4 + ".test";
        int path = arg / 4 % 6;
        String pathKey = arg / 216 % 2 == 0 ? null : "http://" + host + "/p" + path % 2;
        return new FrontierUrl("http://" + host + "/p" + path + "?q", host, arg / 24 % 3, arg / 72 % 3, pathKey,
                UrlKind.PAGE);
    }

    private static void assertSameViews(Frontier reference, Frontier redisFrontier, String crawl, int pageSize,
                                        String step) {
        assertThat(redisFrontier.stats(crawl)).as(step).isEqualTo(reference.stats(crawl));
        assertThat(redisFrontier.exhausted(crawl)).as(step).isEqualTo(reference.exhausted(crawl));
        assertThat(redisFrontier.millisUntilDue(crawl)).as(step).isEqualTo(reference.millisUntilDue(crawl));
        String cursor = null;
        do {
            HostPage expected = reference.hosts(crawl, cursor, pageSize);
            assertThat(redisFrontier.hosts(crawl, cursor, pageSize)).as(step).isEqualTo(expected);
            cursor = expected.next();
        } while (cursor != null);
    }
}
