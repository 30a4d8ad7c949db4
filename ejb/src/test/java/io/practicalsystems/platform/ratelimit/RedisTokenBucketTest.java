package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The Lua token bucket against a real Redis ({@link RealRedis}). Every run uses its own key prefix and deletes
 * its keys, so it never touches a server's buckets ({@code rl:…}) on the same Redis.
 */
class RedisTokenBucketTest {

    /** Slow enough that no token comes back during a test: 1 per 100 s. */
    private static final double SLOW = 0.01;

    private final String prefix = RealRedis.uniquePrefix();
    private RedisClient redis;
    private RedisTokenBucket buckets;

    @BeforeEach
    void connect() {
        redis = RealRedis.newServerPool();
        buckets = new RedisTokenBucket(redis, prefix);
    }

    @AfterEach
    void cleanUp() {
        RealRedis.deleteKeys(redis, prefix);
        redis.close();
    }

    @Test
    void capacityNAllowsExactlyNImmediateRequestsThenDeniesWithASensibleRetryAfter() {
        TokenBucketPolicy policy = new TokenBucketPolicy("create", 5, 0.5); // a token every 2 s
        for (int i = 1; i <= 5; i++) {
            RateLimitDecision d = buckets.tryAcquire(policy, "ip:192.0.2.1");
            assertThat(d.allowed()).as("request %d", i).isTrue();
            assertThat(d.limit()).isEqualTo(5);
            assertThat(d.remaining()).isEqualTo(5 - i);
            assertThat(d.retryAfterSeconds()).isZero();
        }
        RateLimitDecision denied = buckets.tryAcquire(policy, "ip:192.0.2.1");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.retryAfterSeconds()).isEqualTo(2);
        assertThat(denied.resetSeconds()).isBetween(9L, 10L);
        // denials do not consume: still denied, still about 2 s to wait
        assertThat(buckets.tryAcquire(policy, "ip:192.0.2.1").retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void theLuaScriptAgreesWithTheJavaMirrorOnABurst() {
        TokenBucketPolicy policy = new TokenBucketPolicy("create", 3, 0.5);
        TokenBucketMath.State state = null;
        for (int i = 0; i < 5; i++) {
            TokenBucketMath.Result expected = TokenBucketMath.take(policy, state, 0);
            state = expected.state();
            RateLimitDecision actual = buckets.tryAcquire(policy, "ip:192.0.2.9");
            // equal except for the few milliseconds that pass between requests, which the rounding up hides
            assertThat(actual).as("request %d", i + 1).isEqualTo(TokenBucketMath.decision(policy, expected));
        }
    }

    @Test
    void takeUpToTakesAWholeBatchThenWhatIsLeftThenNothing() {
        TokenBucketPolicy policy = new TokenBucketPolicy("redirect", 120, SLOW);

        RedisTokenBucket.Grant first = buckets.takeUpTo(policy, "ip:192.0.2.7", 50);
        RedisTokenBucket.Grant second = buckets.takeUpTo(policy, "ip:192.0.2.7", 50);
        RedisTokenBucket.Grant third = buckets.takeUpTo(policy, "ip:192.0.2.7", 50);
        RedisTokenBucket.Grant fourth = buckets.takeUpTo(policy, "ip:192.0.2.7", 50);

        assertThat(List.of(first.taken(), second.taken(), third.taken(), fourth.taken())).containsExactly(50L, 50L, 20L,
                0L);
        assertThat(third.decision().remaining()).isZero();
        assertThat(fourth.decision().allowed()).isFalse();
        // the Java mirror agrees
        TokenBucketMath.Result mirror = TokenBucketMath.takeUpTo(policy, null, 0, 50);
        assertThat(mirror.taken()).isEqualTo(50);
        assertThat(mirror.remaining()).isEqualTo(70);
    }

    @Test
    void theBucketIsAHashThatExpiresWhenItWouldBeFullAgain() {
        TokenBucketPolicy policy = new TokenBucketPolicy("create", 10, 2); // full again 0.5 s after one request
        buckets.tryAcquire(policy, "ip:192.0.2.2");
        String key = buckets.key(policy, "ip:192.0.2.2");
        assertThat(key).isEqualTo(prefix + "create:ip:192.0.2.2");
        Map<String, String> hash = redis.hgetAll(key);
        assertThat(hash).containsOnlyKeys("tokens", "ts");
        assertThat(Double.parseDouble(hash.get("tokens"))).isEqualTo(9.0);
        assertThat(redis.pttl(key)).isBetween(1L, 500L);
    }

    @Test
    void timeIsTakenFromRedisNotFromTheApplicationServer() {
        TokenBucketPolicy policy = new TokenBucketPolicy("create", 10, SLOW);
        buckets.tryAcquire(policy, "ip:192.0.2.3");
        long ts = Long.parseLong(redis.hget(buckets.key(policy, "ip:192.0.2.3"), "ts"));
        long redisNow = io.practicalsystems.idgen.application.RedisLeaseStore.redisTimeMillis(redis);
        assertThat(redisNow - ts).isBetween(0L, 2_000L);
    }

    @Test
    void refillRestoresTokensEventually() throws InterruptedException {
        TokenBucketPolicy policy = new TokenBucketPolicy("redirect", 2, 20); // a token every 50 ms
        buckets.tryAcquire(policy, "ip:192.0.2.4");
        buckets.tryAcquire(policy, "ip:192.0.2.4");
        // drain whatever trickled in meanwhile until one is denied
        RateLimitDecision d = buckets.tryAcquire(policy, "ip:192.0.2.4");
        for (int i = 0; i < 100 && d.allowed(); i++) {
            d = buckets.tryAcquire(policy, "ip:192.0.2.4");
        }
        assertThat(d.allowed()).as("drained").isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(1);

        boolean allowedAgain = false;
        for (int i = 0; i < 200 && !allowedAgain; i++) {
            Thread.sleep(10);
            allowedAgain = buckets.tryAcquire(policy, "ip:192.0.2.4").allowed();
        }
        assertThat(allowedAgain).as("a token was refilled").isTrue();

        // and an idle client is back at full capacity
        boolean full = false;
        for (int i = 0; i < 300 && !full; i++) {
            Thread.sleep(10);
            full = !redis.exists(buckets.key(policy, "ip:192.0.2.4"));
        }
        assertThat(full).as("key expired once full").isTrue();
        assertThat(buckets.tryAcquire(policy, "ip:192.0.2.4").remaining()).isEqualTo(1);
    }

    @Test
    void twoServersWithSeparatePoolsShareOneBucket() throws Exception {
        TokenBucketPolicy policy = new TokenBucketPolicy("create", 50, SLOW);
        try (RedisClient secondServer = RealRedis.newServerPool()) {
            RedisTokenBucket serverA = buckets;
            RedisTokenBucket serverB = new RedisTokenBucket(secondServer, prefix);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    RedisTokenBucket server = i % 2 == 0 ? serverA : serverB;
                    calls.add(() -> server.tryAcquire(policy, "key:shared").allowed());
                }
                int allowed = 0;
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    allowed += f.get() ? 1 : 0;
                }
                assertThat(allowed).as("120 concurrent requests over two servers, capacity 50").isEqualTo(50);
            } finally {
                pool.shutdownNow();
            }
            assertThat(serverB.tryAcquire(policy, "key:shared").allowed()).isFalse();
            assertThat(serverA.tryAcquire(policy, "key:shared").allowed()).isFalse();
        }
    }

    @Test
    void policiesAndClientsDoNotInterfere() {
        TokenBucketPolicy create = new TokenBucketPolicy("create", 2, SLOW);
        TokenBucketPolicy redirect = new TokenBucketPolicy("redirect", 3, SLOW);
        assertThat(buckets.tryAcquire(create, "ip:192.0.2.5").allowed()).isTrue();
        assertThat(buckets.tryAcquire(create, "ip:192.0.2.5").allowed()).isTrue();
        assertThat(buckets.tryAcquire(create, "ip:192.0.2.5").allowed()).isFalse();

        assertThat(buckets.tryAcquire(redirect, "ip:192.0.2.5").remaining()).as("other policy").isEqualTo(2);
        assertThat(buckets.tryAcquire(create, "ip:192.0.2.6").remaining()).as("other client").isEqualTo(1);
        assertThat(buckets.tryAcquire(create, "key:abc").remaining()).as("API key client").isEqualTo(1);
    }

    @Test
    void scriptLoadGivesTheShaThatEvalshaUses() {
        buckets.load();
        assertThat(redis.scriptExists(List.of(buckets.sha()))).containsExactly(true);
    }

    @Test
    void aScriptRedisDoesNotKnowIsSentWithEvalOnceAndThenCached() {
        // A variant of the script Redis has never seen stands in for "Redis restarted and lost its script cache"
        // (SCRIPT FLUSH would pull the scripts from under everything else using this Redis).
        String variant = "-- " + prefix + "\n" + RedisTokenBucket.script();
        RedisTokenBucket fresh = new RedisTokenBucket(redis, prefix, variant);
        assertThat(redis.scriptExists(List.of(fresh.sha()))).containsExactly(false);

        TokenBucketPolicy policy = new TokenBucketPolicy("create", 2, SLOW);
        assertThat(fresh.tryAcquire(policy, "ip:192.0.2.7").remaining()).isEqualTo(1);
        assertThat(redis.scriptExists(List.of(fresh.sha()))).as("EVAL cached it").containsExactly(true);
        assertThat(fresh.tryAcquire(policy, "ip:192.0.2.7").remaining()).isZero();
    }
}
