package io.practicalsystems.platform.apikeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recent key checks of this server, by key hash, each kept for at most {@code ttl}: a hot key costs one database
 * lookup per TTL per server instead of one per request. The price is that a revocation reaches the other servers
 * only when their entry expires — so {@code ttl} is the documented bound on how long a revoked key still works
 * (the revoking server forgets it at once). Unknown keys are remembered too; Caffeine's frequency-based admission
 * keeps a flood of made-up keys from pushing out the keys in real use. No Jakarta types: unit-tested with a fake
 * clock.
 */
public final class ApiKeyCheckCache {

    private final Cache<String, ApiKeyCheck> checks;

    public ApiKeyCheckCache(Duration ttl, long maxEntries, Ticker ticker) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("API key cache: ttl must be >= 0 and max entries >= 1");
        }
        checks = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
    }

    /** The remembered check of the key with this hash, if it is younger than the TTL. */
    public Optional<ApiKeyCheck> cached(String keyHash) {
        return Optional.ofNullable(checks.getIfPresent(keyHash));
    }

    /** Looks the key up now (whatever is cached) and remembers the answer. */
    public ApiKeyCheck load(String keyHash, Function<String, ApiKeyCheck> lookup) {
        ApiKeyCheck check = lookup.apply(keyHash);
        checks.put(keyHash, check);
        return check;
    }

    public void forget(String keyHash) {
        checks.invalidate(keyHash);
    }
}
