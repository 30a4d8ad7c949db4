package io.practicalsystems.platform.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets in Redis, one hash {@code <prefix><policy>:<client>} per bucket, each request one atomic run of
 * {@code META-INF/ratelimit/token-bucket.lua}: read, refill by the Redis clock, take, write and expire happen with
 * no other command in between, so any number of application servers share one limit without races.
 *
 * <p>The script is sent by its SHA-1 ({@code EVALSHA}); after a {@code NOSCRIPT} (Redis restarted or its script
 * cache was flushed) the call is repeated once as {@code EVAL}, which also puts the script back into the cache.
 * Every Redis error is thrown to the caller, who decides (the {@link RateLimiter} fails open).
 */
public final class RedisTokenBucket {

    public static final String SCRIPT_RESOURCE = "/META-INF/ratelimit/token-bucket.lua";
    public static final String DEFAULT_KEY_PREFIX = "rl:";

    private static final String SCRIPT = loadScript();

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final String script;
    private final String sha;

    public RedisTokenBucket(UnifiedJedis redis) {
        this(redis, DEFAULT_KEY_PREFIX);
    }

    /** @param keyPrefix e.g. a unique prefix per test run instead of {@value #DEFAULT_KEY_PREFIX} */
    public RedisTokenBucket(UnifiedJedis redis, String keyPrefix) {
        this(redis, keyPrefix, SCRIPT);
    }

    /** With a variant of the script text (tests: a script Redis has never seen, to exercise the NOSCRIPT path). */
    RedisTokenBucket(UnifiedJedis redis, String keyPrefix, String script) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.script = script;
        this.sha = sha1Hex(script);
    }

    public static String script() {
        return SCRIPT;
    }

    /** The SHA-1 Redis knows the script by. */
    public String sha() {
        return sha;
    }

    /** {@code SCRIPT LOAD}s the script ahead of the first request; optional, EVALSHA falls back to EVAL anyway. */
    public void load() {
        String loaded = redis.scriptLoad(script);
        if (!sha.equalsIgnoreCase(loaded)) {
            throw new IllegalStateException("Redis reports SHA " + loaded + " for the token-bucket script, expected "
                    + sha);
        }
    }

    public String key(TokenBucketPolicy policy, String clientKey) {
        return keyPrefix + policy.name() + ":" + clientKey;
    }

    /** Takes one token from {@code clientKey}'s bucket of {@code policy} if it has one. */
    public RateLimitDecision tryAcquire(TokenBucketPolicy policy, String clientKey) {
        if (clientKey == null || clientKey.isBlank()) {
            throw new IllegalArgumentException("client key must not be blank");
        }
        List<String> keys = List.of(key(policy, clientKey));
        List<String> args = List.of(Long.toString(policy.capacity()), Double.toString(policy.refillPerSecond()));
        Object reply;
        try {
            reply = redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            reply = redis.eval(script, keys, args);
        }
        return decode(policy, reply);
    }

    private static RateLimitDecision decode(TokenBucketPolicy policy, Object reply) {
        if (!(reply instanceof List<?> values) || values.size() != 4) {
            throw new IllegalStateException("unexpected reply from the token-bucket script: " + reply);
        }
        return RateLimitDecision.of(policy, number(values.get(0)) == 1, number(values.get(1)),
                number(values.get(2)), number(values.get(3)));
    }

    private static long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        throw new IllegalStateException("unexpected value in the token-bucket script's reply: " + value);
    }

    private static String loadScript() {
        try (InputStream in = RedisTokenBucket.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JRE", e);
        }
    }
}
