package io.practicalsystems.crawler.application.pipeline;

/** The per-crawl counters the status view reads (CrawlCounters in Redis). */
public interface CrawlTally {

    /** A page fetched and stored (duplicates too). */
    void fetched(String crawlId);

    /** A fetched page whose content duplicates another's. */
    void duplicate(String crawlId);

    /** A URL that failed for good; {@code kind} is a short slug such as {@code timeout} or {@code http-404}. */
    void error(String crawlId, String kind);
}
