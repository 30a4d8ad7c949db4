package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.redis.LuaScript;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Token buckets in Redis, one hash {@code <prefix><policy>:<client>} per bucket, each request one atomic run of
 * {@code META-INF/ratelimit/token-bucket.lua}: read, refill by the Redis clock, take, write and expire happen with
 * no other command in between, so any number of application servers share one limit without races.
 *
 * <p>The script runs by its SHA-1 ({@link LuaScript}). Every Redis error is thrown to the caller, who decides (the
 * {@link RateLimiter} fails open).
 */
public final class RedisTokenBucket {

    public static final String SCRIPT_RESOURCE = "/META-INF/ratelimit/token-bucket.lua";
    public static final String DEFAULT_KEY_PREFIX = "rl:";

    private static final LuaScript SCRIPT = LuaScript.fromResource(SCRIPT_RESOURCE);

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final LuaScript script;

    public RedisTokenBucket(UnifiedJedis redis) {
        this(redis, DEFAULT_KEY_PREFIX);
    }

    /** @param keyPrefix e.g. a unique prefix per test run instead of {@value #DEFAULT_KEY_PREFIX} */
    public RedisTokenBucket(UnifiedJedis redis, String keyPrefix) {
        this(redis, keyPrefix, SCRIPT.text());
    }

    /** With a variant of the script text (tests: a script Redis has never seen, to exercise the NOSCRIPT path). */
    RedisTokenBucket(UnifiedJedis redis, String keyPrefix, String script) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.script = new LuaScript(script);
    }

    public static String script() {
        return SCRIPT.text();
    }

    /** The SHA-1 Redis knows the script by. */
    public String sha() {
        return script.sha();
    }

    /** {@code SCRIPT LOAD}s the script ahead of the first request; optional, EVALSHA falls back to EVAL anyway. */
    public void load() {
        script.load(redis);
    }

    public String key(TokenBucketPolicy policy, String clientKey) {
        return keyPrefix + policy.name() + ":" + clientKey;
    }

    /** Takes one token from {@code clientKey}'s bucket of {@code policy} if it has one. */
    public RateLimitDecision tryAcquire(TokenBucketPolicy policy, String clientKey) {
        return takeUpTo(policy, clientKey, 1).decision();
    }

    /**
     * Takes as many tokens as the bucket has, at most {@code want}: a server leasing tokens to spend locally
     * ({@link TokenLeases}).
     *
     * @param want at least 1
     */
    public Grant takeUpTo(TokenBucketPolicy policy, String clientKey, long want) {
        if (clientKey == null || clientKey.isBlank()) {
            throw new IllegalArgumentException("client key must not be blank");
        }
        if (want < 1) {
            throw new IllegalArgumentException("want must be >= 1, got " + want);
        }
        Object reply = script.run(redis, List.of(key(policy, clientKey)),
                List.of(Long.toString(policy.capacity()), Double.toString(policy.refillPerSecond()),
                        Long.toString(want)));
        if (!(reply instanceof List<?> values) || values.size() != 4) {
            throw new IllegalStateException("unexpected reply from the token-bucket script: " + reply);
        }
        long taken = number(values.get(0));
        if (taken < 0 || taken > want) {
            throw new IllegalStateException("the token-bucket script took " + taken + " tokens, asked for " + want);
        }
        return new Grant(taken, RateLimitDecision.of(policy, taken > 0, number(values.get(1)), number(values.get(2)),
                number(values.get(3))));
    }

    /**
     * @param taken    tokens taken from the shared bucket (0 = denied)
     * @param decision for the request that asked: allowed iff {@code taken > 0}
     */
    public record Grant(long taken, RateLimitDecision decision) {
    }

    private static long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        throw new IllegalStateException("unexpected value in the token-bucket script's reply: " + value);
    }
}
