package io.practicalsystems.crawler.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.application.store.CrawlStore;
import io.practicalsystems.crawler.frontier.SeenBloomFilter;
import io.practicalsystems.crawler.frontier.SeenSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Each crawl's seen set, from its definition in the document store. A definition never changes, so the answer is
 * cached (bounded) and the frontier's offers cost no document read; a crawl not (or no longer) stored gets the
 * exact set and is not cached.
 */
@ApplicationScoped
public class CrawlSeenSets implements SeenSets {

    private static final int CACHED_CRAWLS = 10_000;

    @Inject
    CrawlStore crawls;

    private final Cache<String, Optional<SeenBloomFilter>> cache = Caffeine.newBuilder()
            .maximumSize(CACHED_CRAWLS).build();

    @Override
    public SeenBloomFilter bloomFilterOf(String crawlId) {
        Optional<SeenBloomFilter> known = cache.getIfPresent(crawlId);
        if (known == null) {
            Optional<CrawlDocument> crawl = crawls.find(crawlId);
            if (crawl.isEmpty()) {
                return null;
            }
            known = Optional.ofNullable(crawl.get().definition().seenSet().bloomFilter());
            cache.put(crawlId, known);
        }
        return known.orElse(null);
    }

    /** Forgets a deleted crawl. */
    public void forget(String crawlId) {
        cache.invalidate(crawlId);
    }
}
