package io.practicalsystems.platform.ratelimit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Named policies from configuration, read once per name and then cached:
 *
 * <pre>
 * ps.ratelimit.&lt;name&gt;.capacity            (env PS_RATELIMIT_&lt;NAME&gt;_CAPACITY)           else ps.ratelimit.default.capacity, else 60
 * ps.ratelimit.&lt;name&gt;.refill-per-second   (env PS_RATELIMIT_&lt;NAME&gt;_REFILL_PER_SECOND)  else ps.ratelimit.default.refill-per-second, else 1
 * </pre>
 *
 * So every name has a limit even when nothing is configured: 60 requests at once, then one per second (60 per
 * minute sustained) per client. A value that does not parse or is out of range fails loudly (with the key's name)
 * on the first request that uses the policy, never silently.
 */
public final class RateLimitPolicies {

    public static final String PREFIX = "ps.ratelimit.";
    public static final String DEFAULT_NAME = "default";
    public static final long DEFAULT_CAPACITY = 60;
    public static final double DEFAULT_REFILL_PER_SECOND = 1.0;

    private final Function<String, Optional<String>> config;
    private final Map<String, TokenBucketPolicy> cache = new ConcurrentHashMap<>();

    /** @param config looks up one configuration key, e.g. {@code key -> mpConfig.getOptionalValue(key, String.class)} */
    public RateLimitPolicies(Function<String, Optional<String>> config) {
        this.config = config;
    }

    /** Fixed policies and defaults (tests, tools): no configuration source. */
    public static RateLimitPolicies of(TokenBucketPolicy... policies) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (TokenBucketPolicy p : policies) {
            values.put(capacityKey(p.name()), Long.toString(p.capacity()));
            values.put(refillKey(p.name()), Double.toString(p.refillPerSecond()));
        }
        return new RateLimitPolicies(key -> Optional.ofNullable(values.get(key)));
    }

    public static String capacityKey(String name) {
        return PREFIX + name + ".capacity";
    }

    public static String refillKey(String name) {
        return PREFIX + name + ".refill-per-second";
    }

    /** The environment variable MicroProfile Config maps to {@code key}. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public TokenBucketPolicy get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("rate-limit policy name must not be null");
        }
        TokenBucketPolicy cached = cache.get(name);
        return cached != null ? cached : cache.computeIfAbsent(name, this::read);
    }

    private TokenBucketPolicy read(String name) {
        if (!TokenBucketPolicy.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rate-limit policy name must match " + TokenBucketPolicy.NAME + ": "
                    + name);
        }
        long capacity = value(capacityKey(name), capacityKey(DEFAULT_NAME), Long::parseLong, DEFAULT_CAPACITY);
        double refill = value(refillKey(name), refillKey(DEFAULT_NAME), Double::parseDouble,
                DEFAULT_REFILL_PER_SECOND);
        try {
            return new TokenBucketPolicy(name, capacity, refill);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + capacityKey(name) + " / " + refillKey(name)
                    + ", env " + envName(capacityKey(name)) + " / " + envName(refillKey(name)) + ", or the "
                    + DEFAULT_NAME + " ones)", e);
        }
    }

    private <T> T value(String key, String fallbackKey, Function<String, T> parse, T defaultValue) {
        String usedKey = key;
        Optional<String> raw = config.apply(key).filter(v -> !v.isBlank());
        if (raw.isEmpty()) {
            usedKey = fallbackKey;
            raw = config.apply(fallbackKey).filter(v -> !v.isBlank());
        }
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parse.apply(raw.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate-limit setting " + usedKey + " (env " + envName(usedKey)
                    + ") is not a number: '" + raw.get() + "'", e);
        }
    }
}
