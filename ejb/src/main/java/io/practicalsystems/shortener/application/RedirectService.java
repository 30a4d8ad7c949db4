package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.application.cache.CacheLookup;
import io.practicalsystems.shortener.application.cache.CachedLink;
import io.practicalsystems.shortener.application.cache.LinkCache;
import io.practicalsystems.shortener.application.cache.NearLinkCache;
import io.practicalsystems.shortener.application.links.LinkReader;
import io.practicalsystems.shortener.application.links.ShortLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The hot path: code → where to send the client. Steps: ask the in-process near cache, then Redis; on a miss
 * read the database and fill both (negative entries for unknown codes); check expiry. A cache hit never touches the database, so
 * cached codes keep redirecting while the database is down; a Redis outage only turns hits into misses.
 */
@ApplicationScoped
public class RedirectService {

    @Inject
    LinkCache cache;

    @Inject
    NearLinkCache nearCache;

    @Inject
    LinkReader reader;

    public record Target(String url, int status) {
    }

    public Target resolve(String code) {
        Instant now = Instant.now();
        CacheLookup cached = cachedLookup(code);
        if (cached instanceof CacheLookup.KnownMissing) {
            throw new ShortenerExceptions.LinkNotFound(code);
        }
        CachedLink link = cached instanceof CacheLookup.Hit hit ? hit.link() : loadAndCache(code);
        if (link.isExpired(now)) {
            throw new ShortenerExceptions.LinkExpired(code);
        }
        return new Target(link.targetUrl(), link.redirectStatus());
    }

    /**
     * The redirect if the caches (near, then Redis) hold a live link for {@code code}; empty for everything else
     * (unknown, known missing, expired, cache down), which {@link #resolve} answers with its status. For the servlet
     * fast path: it answers what the cache knows and leaves every other case to the one place that handles it.
     */
    public Optional<Target> resolveCached(String code) {
        if (cachedLookup(code) instanceof CacheLookup.Hit hit && !hit.link().isExpired(Instant.now())) {
            return Optional.of(new Target(hit.link().targetUrl(), hit.link().redirectStatus()));
        }
        return Optional.empty();
    }

    private CacheLookup cachedLookup(String code) {
        CacheLookup cached = nearCache.lookup(code);
        if (cached instanceof CacheLookup.Miss) {
            cached = cache.lookup(code);
            nearCache.remember(code, cached);
        }
        return cached;
    }

    private CachedLink loadAndCache(String code) {
        Optional<ShortLink> stored;
        try {
            stored = reader.findByCode(code);
        } catch (PersistenceException e) {
            throw new ShortenerExceptions.StorageUnavailable("link database unavailable and '" + code
                    + "' is not cached", e);
        }
        if (stored.isEmpty() || stored.get().isDeleted()) {
            cache.putMissing(code);
            nearCache.remember(code, CacheLookup.KNOWN_MISSING);
            throw new ShortenerExceptions.LinkNotFound(code);
        }
        CachedLink link = CachedLink.of(stored.get());
        cache.put(code, link);
        nearCache.remember(code, new CacheLookup.Hit(link));
        return link;
    }
}
