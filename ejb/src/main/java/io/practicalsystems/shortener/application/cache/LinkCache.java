package io.practicalsystems.shortener.application.cache;

import io.practicalsystems.platform.redis.LowLatency;
import io.practicalsystems.shortener.application.ShortenerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Read-through cache code → destination in Redis ({@code sh:link:<code>}), with negative entries for unknown
 * codes. Redis slow or down must never stop redirects: every call is bounded by a timeout, a circuit breaker
 * stops calling a Redis that keeps failing, and the fallbacks answer "miss" (the caller goes to the database)
 * or skip the write.
 */
@ApplicationScoped
public class LinkCache {

    private static final Logger LOG = Logger.getLogger(LinkCache.class.getName());
    private static final String PREFIX = "sh:link:";

    @Inject
    @LowLatency
    UnifiedJedis redis;

    @Inject
    ShortenerSettings settings;

    @Timeout(250)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "lookupFailed")
    public CacheLookup lookup(String code) {
        String value = redis.get(PREFIX + code);
        if (value == null) {
            return CacheLookup.MISS;
        }
        if (CachedLink.MISSING.equals(value)) {
            return CacheLookup.KNOWN_MISSING;
        }
        return new CacheLookup.Hit(CachedLink.fromCacheValue(value));
    }

    CacheLookup lookupFailed(String code) {
        return CacheLookup.MISS;
    }

    /** Caches a link until its expiry or the configured TTL, whichever comes first. */
    @Timeout(250)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "writeSkipped")
    public void put(String code, CachedLink link) {
        long ttlMillis = settings.cacheTtl().toMillis();
        if (link.expiresAt() != null) {
            ttlMillis = Math.min(ttlMillis, Duration.between(Instant.now(), link.expiresAt()).toMillis());
        }
        if (ttlMillis > 0) {
            redis.set(PREFIX + code, link.toCacheValue(), SetParams.setParams().px(ttlMillis));
        }
    }

    @Timeout(250)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "writeSkipped")
    public void putMissing(String code) {
        redis.set(PREFIX + code, CachedLink.MISSING,
                SetParams.setParams().px(settings.negativeCacheTtl().toMillis()));
    }

    /** Invalidation on update/delete. Not bounded by the breaker's fallback silently: a stale entry would
     * redirect to the old destination, so a failure is logged loudly (the entry still expires by TTL). */
    @Timeout(1000)
    @Fallback(fallbackMethod = "evictFailed")
    public void evict(String code) {
        redis.del(PREFIX + code);
    }

    /** {@link #evict} of several codes in one Redis call (the new links of one group commit). */
    @Timeout(1000)
    @Fallback(fallbackMethod = "evictFailed")
    public void evictAll(List<String> codes) {
        if (!codes.isEmpty()) {
            redis.del(codes.stream().map(code -> PREFIX + code).toArray(String[]::new));
        }
    }

    void writeSkipped(String code, CachedLink link) {
        // Cache writes are an optimisation; the database has the truth.
    }

    void writeSkipped(String code) {
    }

    void evictFailed(List<String> codes) {
        codes.forEach(this::evictFailed);
    }

    void evictFailed(String code) {
        LOG.warning("could not evict " + code + " from the Redis cache; it may redirect to the old destination "
                + "for up to " + settings.cacheTtl());
    }
}
