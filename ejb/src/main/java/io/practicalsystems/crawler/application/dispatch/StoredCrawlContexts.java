package io.practicalsystems.crawler.application.dispatch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.practicalsystems.crawler.application.CrawlNotFoundException;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.pipeline.CrawlContext;
import io.practicalsystems.crawler.application.pipeline.CrawlContexts;
import io.practicalsystems.crawler.application.pipeline.PipelineOptions;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import java.time.Duration;
import java.util.Optional;

/**
 * Crawls as the pipeline reads them: from the document store, each kept half a second, so a busy server reads a
 * crawl's document about twice a second rather than once per page, and sees a pause or stop within that time.
 */
final class StoredCrawlContexts implements CrawlContexts {

    static final Duration FRESHNESS = Duration.ofMillis(500);

    private final CrawlService crawls;
    private final PipelineOptions options;
    private final Cache<String, CrawlContext> recent = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(FRESHNESS).build();

    StoredCrawlContexts(CrawlService crawls, PipelineOptions options) {
        this.crawls = crawls;
        this.options = options;
    }

    @Override
    public Optional<CrawlContext> find(String crawlId) {
        CrawlContext cached = recent.getIfPresent(crawlId);
        if (cached != null) {
            return Optional.of(cached);
        }
        CrawlDocument crawl;
        try {
            crawl = crawls.get(crawlId);
        } catch (CrawlNotFoundException e) {
            return Optional.empty();
        }
        CrawlContext context = CrawlContext.of(crawlId, crawl.crawlState(), crawl.definition(), options);
        recent.put(crawlId, context);
        return Optional.of(context);
    }
}
