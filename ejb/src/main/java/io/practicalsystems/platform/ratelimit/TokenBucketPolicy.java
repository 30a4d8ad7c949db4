package io.practicalsystems.platform.ratelimit;

import java.util.regex.Pattern;

/**
 * One named limit: a bucket of {@code capacity} tokens (the burst a client may send at once) that refills
 * continuously at {@code refillPerSecond} tokens per second (the sustained rate). Every request takes one token.
 *
 * @param name            lower-case letters, digits and '-', e.g. {@code create}; part of the Redis key and of the
 *                        configuration keys {@code ps.ratelimit.<name>.*}
 * @param capacity        at least 1
 * @param refillPerSecond positive and finite; may be fractional (0.2 = one token every 5 s); an empty bucket must
 *                        fill within {@link #MAX_SECONDS_TO_FILL}
 */
public record TokenBucketPolicy(String name, long capacity, double refillPerSecond) {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Keeps every intermediate value of the refill math exact in a double (and in Lua's numbers). */
    public static final long MAX_CAPACITY = 1_000_000_000L;
    public static final double MAX_REFILL_PER_SECOND = 1_000_000_000d;
    /** A bucket that takes longer than this to fill is a quota, not a rate limit (and its TTL would overflow). */
    public static final long MAX_SECONDS_TO_FILL = 366L * 24 * 3600;

    public TokenBucketPolicy {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rate-limit policy name must match " + NAME + ": " + name);
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("rate-limit policy '" + name + "': capacity must be 1.."
                    + MAX_CAPACITY + ", was " + capacity);
        }
        // !(x > 0) also rejects NaN
        if (!(refillPerSecond > 0) || refillPerSecond > MAX_REFILL_PER_SECOND) {
            throw new IllegalArgumentException("rate-limit policy '" + name
                    + "': refill-per-second must be > 0 and <= " + MAX_REFILL_PER_SECOND + ", was " + refillPerSecond);
        }
        if (capacity / refillPerSecond > MAX_SECONDS_TO_FILL) {
            throw new IllegalArgumentException("rate-limit policy '" + name + "': capacity / refill-per-second = "
                    + capacity / refillPerSecond + " s to fill; at most " + MAX_SECONDS_TO_FILL + " s (366 days)");
        }
    }

    /** Milliseconds an empty bucket needs to fill up completely: capacity / rate. */
    public double millisToFill() {
        return capacity * 1000d / refillPerSecond;
    }

    /**
     * The window of the equivalent fixed quota, {@code capacity} requests per {@code w} seconds, as announced in
     * {@code RateLimit-Policy: <capacity>;w=<w>}: the time an empty bucket needs to fill, rounded up to whole
     * seconds (at least 1). Exact when capacity / rate is a whole number.
     */
    public long windowSeconds() {
        return Math.max(1L, (long) Math.ceil(capacity / refillPerSecond));
    }

    @Override
    public String toString() {
        return name + " (capacity " + capacity + ", refill " + refillPerSecond + "/s)";
    }
}
