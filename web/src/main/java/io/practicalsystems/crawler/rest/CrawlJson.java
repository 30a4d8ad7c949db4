package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlStatus;
import io.practicalsystems.crawler.application.SeenSetDefinition;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.frontier.FrontierStats;
import io.practicalsystems.crawler.frontier.SeenBloomFilter;
import java.time.Instant;
import java.util.Map;

/**
 * A crawl as JSON: id, state, the status counters, the definition, and times as ISO-8601 strings. {@code frontier}
 * is null (and {@code unavailable} says why) when Redis does not answer. {@code frontierRebuiltAt}: when the frontier
 * was last rebuilt from the stored pages after Redis lost it.
 */
public record CrawlJson(String id, String state, long fetched, FrontierJson frontier, SeenSetJson seenSet,
                        long duplicates, Map<String, Long> errors, double pagesPerSecond, String unavailable,
                        CrawlDefinition definition, String createdAt, String updatedAt, String startedAt,
                        String endedAt, String frontierRebuiltAt) {

    /** The frontier's counters: queued, in flight, done (fetched, failed, skipped), seen URLs and hosts. */
    public record FrontierJson(long queued, long inFlight, long fetched, long failed, long skipped, long seen,
                               long hosts) {

        static FrontierJson of(FrontierStats s) {
            return s == null ? null : new FrontierJson(s.queued(), s.inFlight(), s.fetched(), s.failed(),
                    s.skipped(), s.seen(), s.hosts());
        }
    }

    /**
     * The seen set: its kind, for a Bloom filter the configured false-positive rate and the one estimated now from
     * the filter's fill (null when Redis does not answer), and its size in bytes.
     */
    public record SeenSetJson(String kind, Long expectedUrls, Double falsePositiveRate,
                              Double estimatedFalsePositiveRate, Long bytes) {

        static SeenSetJson of(SeenSetDefinition seenSet, CrawlStatus status) {
            SeenBloomFilter bloom = seenSet.bloomFilter();
            if (bloom == null) {
                return new SeenSetJson(seenSet.kind(), null, null, null, null);
            }
            return new SeenSetJson(seenSet.kind(), seenSet.expectedUrls(), seenSet.falsePositiveRate(),
                    status.frontier() == null ? null : status.seenFalsePositiveRate(),
                    SeenBloomFilter.bytes(bloom.expectedUrls(), bloom.falsePositiveRate()));
        }
    }

    static CrawlJson of(CrawlStatus status) {
        CrawlDocument c = status.crawl();
        return new CrawlJson(c.id(), c.state(), status.fetched(), FrontierJson.of(status.frontier()),
                SeenSetJson.of(c.definition().seenSet(), status), status.duplicates(), status.errors(), Math.round(status.pagesPerSecond() * 100) / 100.0,
                status.unavailable(), c.definition(), time(c.createdAt()), time(c.updatedAt()), time(c.startedAt()),
                time(c.endedAt()), time(c.frontierRebuiltAt()));
    }

    /** A crawl in a listing: no Redis calls, so the counters are left out (null/0). */
    static CrawlJson summary(CrawlDocument c) {
        return new CrawlJson(c.id(), c.state(), 0, null, null, 0, null, 0, null, c.definition(), time(c.createdAt()),
                time(c.updatedAt()), time(c.startedAt()), time(c.endedAt()), time(c.frontierRebuiltAt()));
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
