package io.practicalsystems.crawler.application.pipeline;

import java.util.Optional;

/** Where the pipeline reads a crawl's state and definition (the document store, cached briefly). */
@FunctionalInterface
public interface CrawlContexts {

    /** Empty when no such crawl exists. */
    Optional<CrawlContext> find(String crawlId);
}
