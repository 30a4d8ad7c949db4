package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.application.store.PageDocument;

/** Where the pipeline stores what it learnt about a URL (the document store's PageStore; idempotent per URL). */
@FunctionalInterface
public interface PageSink {

    void save(PageDocument page);
}
