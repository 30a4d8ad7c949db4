package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.frontier.FrontierStats;
import java.util.Map;

/**
 * A crawl as the status view shows it: the document (definition, state, times) and, from Redis, the frontier's
 * counters, duplicates, errors by kind, the recent fetch rate and the seen set's estimated false-positive rate (0
 * for the exact set). When Redis does not answer, {@code frontier} and
 * the counters are null/empty and {@code unavailable} says why: the state still shows.
 */
public record CrawlStatus(CrawlDocument crawl, FrontierStats frontier, long duplicates, Map<String, Long> errors,
                          double pagesPerSecond, double seenFalsePositiveRate, String unavailable) {

    public CrawlStatus {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** Pages fetched (the frontier's count of FETCHED completions: each URL once), 0 when unknown. */
    public long fetched() {
        return frontier == null ? 0 : frontier.fetched();
    }
}
