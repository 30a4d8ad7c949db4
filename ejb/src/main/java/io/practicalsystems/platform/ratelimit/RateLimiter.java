package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.redis.LowLatency;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;

/**
 * Distributed rate limiting: {@link #tryAcquire(String, String)} takes one token from a client's bucket of a named
 * policy, in Redis, shared by every application server. Who the client is (IP, API key…) is the caller's business.
 *
 * <p><b>Fails open.</b> If Redis is unreachable, slow or answers with an error, the request is allowed and the
 * result is empty (no limit known, so no headers). Availability of the service beats precision of the limit; the
 * outage is logged at most once per 30 s (see {@link RedisOutage}). To keep a Redis outage from adding latency,
 * the limiter uses the {@link LowLatency} pool (200 ms for connect, reply and pool borrow) instead of the shared
 * one, and after a failure skips Redis for {@code ps.ratelimit.redis.backoff.ms} (1000 ms).
 *
 * <p><b>Leases.</b> For big buckets the limiter takes up to 1 % of the capacity at once (at most
 * {@code ps.ratelimit.lease.max}, 50) and spends it locally for up to {@code ps.ratelimit.lease.ms} (1000 ms): never
 * more than the shared limit, occasionally a little less (see {@link TokenLeases}). Buckets under 200 tokens are
 * exact to the token.
 *
 * <p>A misconfigured policy (a value that does not parse or is out of range) is not an outage: it throws.
 *
 * <p>Settings: the policies (see {@link RateLimitPolicies}), and {@code ps.ratelimit.enabled} (default true;
 * false lets everything through, e.g. for load tests of the endpoints themselves).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    /** The short-timeout pool ({@code ps.redis.low-latency.timeout.ms}, 200 ms, bounded pool borrow too). */
    @Inject
    @LowLatency
    UnifiedJedis redis;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.redis.backoff.ms", defaultValue = "1000")
    long backoffMillis;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.lease.max", defaultValue = "50")
    long maxLease;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.lease.ms", defaultValue = "1000")
    long leaseMillis;

    private RedisTokenBucket buckets;
    private RateLimitPolicies policies;
    private RedisOutage outage;
    private TokenLeases leases;

    /** For CDI. */
    protected RateLimiter() {
    }

    /** Outside CDI (tests, tools): everything given, always enabled. */
    public RateLimiter(RedisTokenBucket buckets, RateLimitPolicies policies, RedisOutage outage, TokenLeases leases) {
        this.buckets = buckets;
        this.policies = policies;
        this.outage = outage;
        this.leases = leases;
        this.enabled = true;
    }

    @PostConstruct
    void start() {
        policies = new RateLimitPolicies(key -> config.getOptionalValue(key, String.class));
        outage = new RedisOutage(Duration.ofMillis(backoffMillis), LOG_INTERVAL, System::nanoTime);
        leases = new TokenLeases(maxLease, leaseMillis, System::nanoTime);
        if (!enabled) {
            LOG.warning("rate limiting is DISABLED (ps.ratelimit.enabled=false): every request is allowed");
            return;
        }
        buckets = new RedisTokenBucket(redis);
        try {
            buckets.load(); // SCRIPT LOAD now, so the first request's EVALSHA already hits
        } catch (RuntimeException e) {
            // Redis down at first use: that request fails open, and once Redis is back NOSCRIPT -> EVAL loads it
            LOG.fine("rate limiter: could not pre-load the token-bucket script: " + e);
        }
    }

    /**
     * Takes one token for {@code clientKey} under the policy {@code policyName}.
     *
     * @return the decision, or empty when nothing was checked (Redis unavailable: fail open; or limiting disabled)
     * @throws IllegalArgumentException if the policy's configuration is invalid or the client key is blank
     */
    public Optional<RateLimitDecision> tryAcquire(String policyName, String clientKey) {
        if (!enabled) {
            return Optional.empty();
        }
        if (clientKey == null || clientKey.isBlank()) {
            throw new IllegalArgumentException("client key must not be blank");
        }
        TokenBucketPolicy policy = policies.get(policyName);
        String bucketKey = buckets.key(policy, clientKey);
        Optional<RateLimitDecision> leased = leases.spend(bucketKey);
        if (leased.isPresent()) {
            return leased;
        }
        if (outage.skipRedis()) {
            return Optional.empty();
        }
        RateLimitDecision decision;
        try {
            RedisTokenBucket.Grant grant = buckets.takeUpTo(policy, clientKey, leases.leaseSize(policy));
            leases.keep(bucketKey, grant.taken() - 1, grant.decision());
            decision = grant.decision();
        } catch (RuntimeException e) {
            // Any failure of the Redis round trip: connection refused, timeout, pool exhausted, script error.
            outage.failed(e).ifPresent(line -> log(Level.WARNING, line));
            return Optional.empty();
        }
        outage.succeeded().ifPresent(line -> log(Level.INFO, line));
        return Optional.of(decision);
    }

    private static void log(Level level, String line) {
        // logp: with a method reference the log would name java.util.Optional as the source
        LOG.logp(level, RateLimiter.class.getName(), "tryAcquire", line);
    }

    /** The policy of that name as configured (for announcing it, e.g. in RateLimit-Policy). */
    public TokenBucketPolicy policy(String policyName) {
        return policies.get(policyName);
    }

    public boolean enabled() {
        return enabled;
    }
}
