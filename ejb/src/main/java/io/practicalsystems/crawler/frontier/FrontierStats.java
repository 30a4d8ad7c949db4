package io.practicalsystems.crawler.frontier;

/** One consistent snapshot of a crawl's frontier counters. */
public record FrontierStats(long queued, long inFlight, long fetched, long failed, long skipped, long seen,
                            long hosts) {
}
