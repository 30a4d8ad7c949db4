package io.practicalsystems.platform.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens this server took from a shared bucket ahead of need, spent locally without a Redis round trip.
 *
 * <p>Why: with one {@code EVALSHA} per request, a cheap endpoint (a cached redirect) spends more time on the rate
 * limit than on itself. A server therefore takes up to {@link #leaseSize} tokens at once and answers the next
 * requests of that client from them. <b>The shared limit still holds exactly:</b> every token spent here was first
 * removed from the shared bucket, so N servers together never admit more than the bucket allows. The price is the
 * other way round: tokens left when a lease expires ({@code leaseMillis}, 1 s by default) are lost, so a client may
 * be admitted slightly <em>less</em> — at most {@code leaseSize - 1} tokens per server per lease, which
 * {@link #leaseSize} keeps below 1 % of the bucket's capacity. Small buckets (capacity under 200: the usual
 * per-IP limits, and every limit in the tests) lease nothing and stay exact to the token.
 *
 * <p>Thread-safe; the clock is injected (nanoseconds) so tests control expiry.
 */
public final class TokenLeases {

    /** Leases are kept for at most this many distinct buckets; beyond it, expired ones are swept first. */
    static final int SWEEP_ABOVE = 10_000;

    private final long maxLease;
    private final long leaseNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /**
     * @param maxLease    most tokens taken at once (1 disables leasing)
     * @param leaseMillis how long leased tokens may be spent
     */
    public TokenLeases(long maxLease, long leaseMillis, LongSupplier nanoTime) {
        if (maxLease < 1 || leaseMillis < 1) {
            throw new IllegalArgumentException("maxLease and leaseMillis must be >= 1, got " + maxLease + ", "
                    + leaseMillis);
        }
        this.maxLease = maxLease;
        this.leaseNanos = leaseMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    /** Tokens to take at once for {@code policy}: 1 % of its capacity, at least 1, at most {@code maxLease}. */
    public long leaseSize(TokenBucketPolicy policy) {
        return Math.max(1, Math.min(maxLease, policy.capacity() / 100));
    }

    /** Spends one leased token of {@code bucketKey}, if a live lease has one: the decision to announce. */
    public Optional<RateLimitDecision> spend(String bucketKey) {
        Lease lease = leases.get(bucketKey);
        if (lease == null || lease.expiresAt - nanoTime.getAsLong() <= 0) {
            return Optional.empty();
        }
        long left;
        synchronized (lease) {
            if (lease.tokens == 0) {
                return Optional.empty();
            }
            left = --lease.tokens;
        }
        RateLimitDecision base = lease.decision;
        return Optional.of(new RateLimitDecision(true, base.limit(), Math.min(base.limit(), base.remaining() + left),
                base.resetSeconds(), 0));
    }

    /** Keeps {@code tokens} extra tokens just taken from the shared bucket (whose answer was {@code decision}). */
    public void keep(String bucketKey, long tokens, RateLimitDecision decision) {
        if (tokens < 1) {
            return;
        }
        if (leases.size() > SWEEP_ABOVE) {
            sweep();
        }
        long now = nanoTime.getAsLong();
        leases.compute(bucketKey, (key, old) -> {
            long carried = 0;
            if (old != null && old.expiresAt - now > 0) {
                synchronized (old) {
                    carried = old.tokens; // concurrent misses each took a batch: keep them all
                    old.tokens = 0;
                }
            }
            return new Lease(carried + tokens, now + leaseNanos, decision);
        });
    }

    /** Leased tokens not yet spent or expired, for {@code bucketKey}. */
    public long available(String bucketKey) {
        Lease lease = leases.get(bucketKey);
        if (lease == null || lease.expiresAt - nanoTime.getAsLong() <= 0) {
            return 0;
        }
        synchronized (lease) {
            return lease.tokens;
        }
    }

    private void sweep() {
        long now = nanoTime.getAsLong();
        leases.values().removeIf(lease -> lease.expiresAt - now <= 0);
    }

    private static final class Lease {
        long tokens;
        final long expiresAt;
        final RateLimitDecision decision;

        Lease(long tokens, long expiresAt, RateLimitDecision decision) {
            this.tokens = tokens;
            this.expiresAt = expiresAt;
            this.decision = decision;
        }
    }
}
