package io.practicalsystems.shortener.application.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A small in-process cache in front of Redis for the hottest codes: a hit costs no network round trip. The
 * price is staleness on other servers: an update or delete evicts it here at once, elsewhere within the TTL
 * ({@code ps.shortener.near-cache.ttl.ms}, default 1 s; 0 disables it).
 */
@ApplicationScoped
public class NearLinkCache {

    @Inject
    @ConfigProperty(name = "ps.shortener.near-cache.ttl.ms", defaultValue = "1000")
    long ttlMillis;

    @Inject
    @ConfigProperty(name = "ps.shortener.near-cache.max-entries", defaultValue = "100000")
    long maxEntries;

    private Cache<String, CacheLookup> cache;

    @PostConstruct
    void build() {
        cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(Duration.ofMillis(ttlMillis)).build();
    }

    /** A hit or a known-missing entry, or {@link CacheLookup#MISS}. */
    public CacheLookup lookup(String code) {
        if (ttlMillis <= 0) {
            return CacheLookup.MISS;
        }
        CacheLookup found = cache.getIfPresent(code);
        return found == null ? CacheLookup.MISS : found;
    }

    public void remember(String code, CacheLookup lookup) {
        if (ttlMillis > 0 && !(lookup instanceof CacheLookup.Miss)) {
            cache.put(code, lookup);
        }
    }

    public void evict(String code) {
        cache.invalidate(code);
    }
}
