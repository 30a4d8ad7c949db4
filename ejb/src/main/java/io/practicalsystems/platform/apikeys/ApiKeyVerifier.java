package io.practicalsystems.platform.apikeys;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks presented API keys against the issued ones, through this server's {@link ApiKeyCheckCache}: a revoked
 * key stops working on this server at once and on every other within {@code ps.apikeys.cache.seconds} (env
 * PS_APIKEYS_CACHE_SECONDS, default 10; 0 checks the database on every request). The caller decides whether a
 * cache miss may go to the database (the REST filter rate-limits misses per address).
 */
@ApplicationScoped
public class ApiKeyVerifier {

    @Inject
    ApiKeyService keys;

    @Inject
    @ConfigProperty(name = "ps.apikeys.cache.seconds", defaultValue = "10")
    long cacheSeconds;

    @Inject
    @ConfigProperty(name = "ps.apikeys.cache.max-entries", defaultValue = "10000")
    long maxEntries;

    private ApiKeyCheckCache cache;

    @PostConstruct
    void build() {
        cache = new ApiKeyCheckCache(Duration.ofSeconds(cacheSeconds), maxEntries, Ticker.systemTicker());
    }

    /** A malformed key is unknown without any lookup; otherwise the cached check, if still fresh. */
    public Optional<ApiKeyCheck> cached(String presentedKey) {
        if (!ApiKeySecrets.isWellFormed(presentedKey)) {
            return Optional.of(ApiKeyCheck.UNKNOWN);
        }
        return cache.cached(ApiKeySecrets.hash(presentedKey));
    }

    /** Asks the database (and remembers the answer). */
    public ApiKeyCheck lookUp(String presentedKey) {
        if (!ApiKeySecrets.isWellFormed(presentedKey)) {
            return ApiKeyCheck.UNKNOWN;
        }
        return cache.load(ApiKeySecrets.hash(presentedKey), keys::check);
    }

    public long cacheSeconds() {
        return cacheSeconds;
    }

    /**
     * Revokes the key with this public ID (its transaction commits before this returns), then forgets this server's
     * cached check of it: here the revocation holds at once, elsewhere within the cache TTL.
     *
     * @return false if no key has this ID
     */
    public boolean revoke(String id) {
        Optional<String> keyHash = keys.revoke(id);
        keyHash.ifPresent(cache::forget);
        return keyHash.isPresent();
    }
}
